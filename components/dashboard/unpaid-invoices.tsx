import Link from 'next/link';
import { compareMoney, subtractMoney } from '@/lib/whmcs/money';
import type { Owed, OwedInvoice } from '@/lib/whmcs/owed';
import type { Currency, Money } from '@/lib/whmcs/types';
import { EmptyState } from '@/components/empty-state';
import { formatDate, formatMoney, plural } from '@/components/format';
import { InvoiceStatusBadge } from '@/components/invoices/invoice-status-badge';
import { SHOWN } from './select';
import { ItemList, Stat } from './item-list';
import styles from './dashboard.module.css';

type Props = { owed: Owed; currency: Currency | null; credit?: Money | null };

export function UnpaidInvoices({ owed, currency, credit = null }: Props) {
  const { invoices, count, due } = owed;
  // Credit is shown only when there is some: "$0.00 credit" on every dashboard is
  // noise. One line, in room the card keeps for it (dashboard.module.css).
  const creditLine =
    credit !== null && compareMoney(credit, '0') > 0 ? (
      <p className={styles.line}>
        <span>Credit balance</span> <strong>{formatMoney(credit, currency)}</strong>
        <span className="muted"> · You can apply it when you pay an invoice</span>
      </p>
    ) : null;
  if (invoices.length === 0) {
    return (
      <>
        <EmptyState title="No unpaid invoices">
          <p>Your account is up to date. Thank you!</p>
        </EmptyState>
        {creditLine}
      </>
    );
  }
  const shownCurrency = invoices[0]?.currency ?? currency;
  const inCollections = invoices.some((i) => i.status === 'Collections');
  const across =
    count > invoices.length
      ? `The ${invoices.length} earliest due of ${count} invoices`
      : `Across ${plural(invoices.length, 'unpaid invoice')}`;

  return (
    <>
      <Stat
        label="Total due"
        value={formatMoney(due, shownCurrency)}
        note={
          inCollections ? (
            <>
              {across} ·{' '}
              <Link href="/invoices?status=Collections">
                Collections
                <span className="visually-hidden">: view invoices in collections</span>
              </Link>
            </>
          ) : (
            across
          )
        }
      />
      {creditLine}
      <ItemList
        label="Unpaid invoices"
        items={invoices.slice(0, SHOWN).map((invoice) => ({
          key: invoice.id,
          href: `/invoices/${invoice.id}`,
          title: `Invoice #${invoice.number}`,
          meta: dueText(invoice, invoice.currency ?? currency),
          aside: (
            <>
              <span>{formatMoney(invoice.balance, invoice.currency ?? currency)}</span>
              <InvoiceStatusBadge invoice={invoice} />
            </>
          ),
        }))}
      />
    </>
  );
}

/** "Due 22 October 2026", and what is already paid when it is part-paid. */
function dueText(invoice: OwedInvoice, currency: Currency | null): string {
  const due = `Due ${formatDate(invoice.dueOn)}`;
  const paid = subtractMoney(invoice.total, invoice.balance);
  if (compareMoney(paid, '0') <= 0) return due;

  return `${due} · ${formatMoney(paid, currency)} already paid`;
}
