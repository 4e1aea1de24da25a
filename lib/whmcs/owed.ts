import 'server-only';
import { getInvoice, listInvoices } from '@/lib/whmcs/billing';
import { sumMoney } from '@/lib/whmcs/money';
import type { Invoice, InvoiceStatus, InvoiceSummary, Money } from '@/lib/whmcs/types';

// What a client still owes. GetInvoices rows carry totals but no balance, so a
// part-paid invoice would count in full; GetInvoice has the balance. Both owed
// statuses are listed at once, then the earliest due are opened at once. The
// listing is handed over as soon as it is in, with the balances still on their
// way, so a page can show which invoices are owed after one WHMCS round trip
// and what is left to pay on them after the second.

/** How many of the earliest-due owed invoices are opened for their balance. */
export const OWED_DETAILS = 20;

/** Still to be paid: Unpaid, and Collections (handed on, but still owed). */
const OWED: ReadonlySet<InvoiceStatus> = new Set(['Unpaid', 'Collections']);

export type OwedInvoice = InvoiceSummary & { balance: Money };

export type Owed = {
  /** The earliest due, at most OWED_DETAILS, each with what is left to pay. */
  invoices: OwedInvoice[];
  /** Every owed invoice WHMCS counts, opened or not. */
  count: number;
  /** The exact sum of the opened invoices' balances. */
  due: Money;
};

/** The listing each owed status is read with: earliest due first, as many as are opened. */
export const EARLIEST = {
  orderBy: 'duedate',
  order: 'asc',
  offset: 0,
  limit: OWED_DETAILS,
} as const;

export type OwedListing = {
  /** The earliest due as listed, at most OWED_DETAILS: statuses and totals, no balances. */
  listed: InvoiceSummary[];
  /** Every owed invoice WHMCS counts. */
  count: number;
  /** The same invoices with their balances: GetInvoice for each, already sent. */
  balances: Promise<Owed>;
};

/** The owed invoices after one round trip; their balances follow in `balances`. */
export async function listOwed(clientId: number): Promise<OwedListing> {
  const [unpaid, collections] = await Promise.all([
    listInvoices(clientId, { status: 'Unpaid', ...EARLIEST }),
    listInvoices(clientId, { status: 'Collections', ...EARLIEST }),
  ]);
  const listed = earliestDue([...unpaid.items, ...collections.items], OWED_DETAILS);
  const count = unpaid.total + collections.total;
  const balances = Promise.all(listed.map((i) => getInvoice(clientId, i.id))).then(
    (details) => owedFrom(listed, details, count),
  );
  // Marks a failure as handled until the caller awaits it (it still rejects there).
  void balances.catch(() => undefined);

  return { listed, count, balances };
}

/** Every owed invoice's balance, once all are in: two round trips. */
export async function listOwedInvoices(clientId: number): Promise<Owed> {
  return (await listOwed(clientId)).balances;
}

/** Soonest due first (no due date last, then by id), at most `limit`. */
export function earliestDue(
  invoices: readonly InvoiceSummary[],
  limit: number,
): InvoiceSummary[] {
  const due = (i: InvoiceSummary) => i.dueOn?.getTime() ?? Infinity;

  return invoices.toSorted((a, b) => due(a) - due(b) || a.id - b.id).slice(0, limit);
}

/**
 * Pairs each listed invoice with its detail. One paid or cancelled between the
 * two calls is left out rather than counted with a stale status.
 */
export function owedFrom(
  listed: readonly InvoiceSummary[],
  details: readonly Invoice[],
  count: number,
): Owed {
  const byId = new Map(details.map((d) => [d.id, d]));
  const invoices = listed.flatMap((summary): OwedInvoice[] => {
    const detail = byId.get(summary.id);
    if (!detail || !OWED.has(detail.status)) return [];

    return [{ ...summary, status: detail.status, balance: detail.balance }];
  });

  return { invoices, count, due: sumMoney(invoices.map((i) => i.balance)) };
}
