import { invoiceTotal } from '../billing-math';
import type { Invoice } from '../model-billing';

type Key = (invoice: Invoice) => string | number;

// The documented `orderby` values. Anything else falls back to id, ascending
// unless `order=desc` (the docs do not say what the default is).
const byId: Key = (i) => i.id;

const KEYS: Record<string, Key> = {
  id: byId,
  invoicenumber: (i) => i.invoicenum,
  date: (i) => i.date,
  duedate: (i) => i.duedate,
  total: (i) => invoiceTotal(i) - i.creditCents,
  status: (i) => i.status,
};

export function sortInvoices(
  rows: Invoice[],
  orderby?: string,
  order?: string,
): Invoice[] {
  const key = KEYS[(orderby ?? 'id').toLowerCase()] ?? byId;
  const direction = order?.toLowerCase() === 'desc' ? -1 : 1;

  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const primary = x < y ? -1 : x > y ? 1 : 0;

    return (primary || a.id - b.id) * direction;
  });
}
