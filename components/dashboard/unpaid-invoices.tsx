import type { Currency, InvoiceSummary, Page } from '@/lib/whmcs/types';
import { EmptyState } from '@/components/empty-state';
import { formatDate, formatMoney, plural } from '@/components/format';
import { StatusBadge } from '@/components/status-badge';
import { amountDue, isOverdue, SHOWN } from './select';
import { ItemList, Stat } from './item-list';

type Props = { invoices: Page<InvoiceSummary>; currency: Currency | null };

export function UnpaidInvoices({ invoices, currency }: Props) {
  const { items, total } = invoices;
  if (items.length === 0) {
    return (
      <EmptyState title="No unpaid invoices">
        <p>Your account is up to date. Thank you!</p>
      </EmptyState>
    );
  }
  const shownCurrency = items[0]?.currency ?? currency;
  const partial = total > items.length;

  return (
    <>
      <Stat
        label="Total due"
        value={formatMoney(amountDue(items), shownCurrency)}
        note={
          partial
            ? `Across the ${items.length} most recent of ${total} unpaid invoices`
            : `Across ${plural(total, 'unpaid invoice')}`
        }
      />
      <ItemList
        label="Unpaid invoices"
        items={items.slice(0, SHOWN).map((invoice) => ({
          key: invoice.id,
          href: `/invoices/${invoice.id}`,
          title: `Invoice #${invoice.number}`,
          meta: `Due ${formatDate(invoice.dueOn)}`,
          aside: (
            <>
              <span>{formatMoney(invoice.total, invoice.currency ?? currency)}</span>
              <StatusBadge status={isOverdue(invoice) ? 'Overdue' : invoice.status} />
            </>
          ),
        }))}
      />
    </>
  );
}
