import Link from 'next/link';
import { compareMoney, subtractMoney } from '@/lib/whmcs/money';
import type { Owed } from '@/lib/whmcs/owed';
import type { Currency, InvoiceSummary, Money } from '@/lib/whmcs/types';
import { EmptyState } from '@/components/empty-state';
import { formatDate, formatMoney, plural } from '@/components/format';
import { InvoiceStatusBadge } from '@/components/invoices/invoice-status-badge';
import { Section, type Settled } from '@/components/section';
import { SkeletonBar } from '@/components/skeleton';
import { SHOWN } from './select';
import { ItemList, Stat } from './item-list';
import styles from './dashboard.module.css';

// The unpaid invoices card. Which invoices are owed comes from GetInvoices;
// what is left to pay on each from the client's transactions, asked for in the
// same round trip (lib/whmcs/owed.ts). The rows show as soon as the list is
// in, with a placeholder where each amount and the total go should the
// balances come later or fail; the amounts fill in when they arrive. No amount
// is ever shown from an invoice's total: on a part-paid invoice that would be
// wrong.

/** An owed invoice, with its balance once it has arrived. */
type Row = InvoiceSummary & { balance?: Money };

type Listing = {
  listed: InvoiceSummary[];
  count: number;
  balances: Promise<Settled<Owed>>;
};

type StreamedProps = {
  listing: Listing;
  currency: Currency | null;
  /** The account's credit balance, when known. */
  credit?: Money | null;
  retryHref: string;
};

/**
 * The card for the dashboard: rows after the listing, amounts after the
 * balances, and the credit balance once, outside the boundary (its fallback
 * and its content are both in the page until React swaps them).
 */
export function UnpaidInvoicesStreamed({
  listing,
  currency,
  credit = null,
  retryHref,
}: StreamedProps) {
  const pending = (
    <OwedView invoices={listing.listed} count={listing.count} currency={currency} />
  );

  return (
    <>
      {listing.listed.length === 0 ? (
        <NothingOwed />
      ) : (
        <Section
          what="invoice balances"
          load={listing.balances}
          retryHref={retryHref}
          fallback={pending}
        >
          {(owed) => <OwedBody owed={owed} currency={currency} />}
        </Section>
      )}
      <CreditLine credit={credit} currency={currency} />
    </>
  );
}

type Props = { owed: Owed; currency: Currency | null; credit?: Money | null };

/** The card with every balance in. */
export function UnpaidInvoices({ owed, currency, credit = null }: Props) {
  return (
    <>
      <OwedBody owed={owed} currency={currency} />
      <CreditLine credit={credit} currency={currency} />
    </>
  );
}

function OwedBody({ owed, currency }: { owed: Owed; currency: Currency | null }) {
  if (owed.invoices.length === 0) return <NothingOwed />;

  return (
    <OwedView
      invoices={owed.invoices}
      count={owed.count}
      due={owed.due}
      currency={currency}
    />
  );
}

function NothingOwed() {
  return (
    <EmptyState title="No unpaid invoices">
      <p>Your account is up to date. Thank you!</p>
    </EmptyState>
  );
}

type CreditProps = { credit: Money | null; currency: Currency | null };

/**
 * The account's credit, only when there is some: "$0.00 credit" on every
 * dashboard is noise. One line under the rows, in room the card keeps for it
 * (dashboard.module.css), so it moves nothing when it appears.
 */
function CreditLine({ credit, currency }: CreditProps) {
  if (credit === null || compareMoney(credit, '0') <= 0) return null;

  return (
    <p className={styles.line}>
      <span>Credit balance</span> <strong>{formatMoney(credit, currency)}</strong>
      <span className="muted"> · You can apply it when paying</span>
    </p>
  );
}

type ViewProps = {
  invoices: Row[];
  count: number;
  /** The sum of the balances; absent while they are on their way. */
  due?: Money;
  currency: Currency | null;
};

function OwedView({ invoices, count, due, currency }: ViewProps) {
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
        value={due === undefined ? <Pending announce /> : formatMoney(due, shownCurrency)}
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
      <ItemList
        label="Unpaid invoices"
        items={invoices.slice(0, SHOWN).map((invoice) => ({
          key: invoice.id,
          href: `/invoices/${invoice.id}`,
          title: `Invoice #${invoice.number}`,
          meta: dueText(invoice, invoice.currency ?? currency),
          // The badge first: the amount arriving after it moves nothing.
          aside: (
            <>
              <InvoiceStatusBadge invoice={invoice} />
              {invoice.balance === undefined ? (
                <Pending />
              ) : (
                <span className={styles.fit}>
                  {formatMoney(invoice.balance, invoice.currency ?? currency)}
                </span>
              )}
            </>
          ),
        }))}
      />
    </>
  );
}

/** Where an amount goes while the balances are on their way; said once, at the total. */
function Pending({ announce = false }: { announce?: boolean }) {
  return (
    <span className={styles.placeholder}>
      {announce ? <span className="visually-hidden">Loading the amounts…</span> : null}
      <SkeletonBar width="short" />
    </span>
  );
}

/** "Due 22 October 2026", and what is already paid when it is part-paid. */
function dueText(invoice: Row, currency: Currency | null): string {
  const due = `Due ${formatDate(invoice.dueOn)}`;
  if (invoice.balance === undefined) return due;
  const paid = subtractMoney(invoice.total, invoice.balance);
  if (compareMoney(paid, '0') <= 0) return due;

  return `${due} · ${formatMoney(paid, currency)} already paid`;
}
