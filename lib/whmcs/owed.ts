import 'server-only';
import { getInvoice, listInvoices, listPayments } from '@/lib/whmcs/billing';
import { addMoney, compareMoney, subtractMoney, sumMoney } from '@/lib/whmcs/money';
import type {
  Invoice,
  InvoiceStatus,
  InvoiceSummary,
  Money,
  Page,
  Payment,
} from '@/lib/whmcs/types';

// What a client still owes. GetInvoices rows carry totals but no balance, so a
// part-paid invoice would count in full. WHMCS's balance is the invoice's total
// (credit applied already taken off it) less what its transactions brought in
// net (amount in less amount out, refunds included), and GetTransactions with
// the client's id lists every one of them in one call. So both owed statuses
// and the client's transactions are asked for at once, and the balances are
// known after one round trip (docs/decisions.md). The listing is handed over
// as soon as it is in, with the balances in a promise of their own, so a page
// still shows which invoices are owed when the transactions cannot be read.

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
  /** The same invoices with their balances, from the transactions asked for beside them. */
  balances: Promise<Owed>;
};

/** The owed invoices, and their balances in the same round trip. */
export async function listOwed(clientId: number): Promise<OwedListing> {
  const payments = listPayments(clientId);
  // Marks a failure as handled until `balances` is awaited (it still rejects there).
  void payments.catch(() => undefined);
  const [unpaid, collections] = await Promise.all([
    listInvoices(clientId, { status: 'Unpaid', ...EARLIEST }),
    listInvoices(clientId, { status: 'Collections', ...EARLIEST }),
  ]);
  const listed = earliestDue([...unpaid.items, ...collections.items], OWED_DETAILS);
  const count = unpaid.total + collections.total;
  const balances = payments.then((paid) =>
    listed.length === 0 || isComplete(paid)
      ? owedFromPayments(listed, paid.items, count)
      : openEach(clientId, listed, count),
  );
  void balances.catch(() => undefined);

  return { listed, count, balances };
}

/** Every owed invoice's balance, once all are in. */
export async function listOwedInvoices(clientId: number): Promise<Owed> {
  return (await listOwed(clientId)).balances;
}

/**
 * GetTransactions takes no paging and answers with every row it counts. An
 * answer with fewer rows than its count (a WHMCS that caps the list) would
 * leave payments out and overstate what is owed, so it is not used.
 */
function isComplete(paid: Page<Payment>): boolean {
  return paid.items.length >= paid.total;
}

/** The slower way, only when the transactions came back incomplete: GetInvoice for each. */
async function openEach(
  clientId: number,
  listed: readonly InvoiceSummary[],
  count: number,
): Promise<Owed> {
  const details = await Promise.all(listed.map((i) => getInvoice(clientId, i.id)));

  return owedFrom(listed, details, count);
}

/**
 * What is left to pay on each listed invoice: its total less its transactions'
 * net amount, as WHMCS works out GetInvoice's balance. One whose payments
 * already cover it was paid between the two answers and is left out, as
 * owedFrom leaves out one whose status moved on.
 */
export function owedFromPayments(
  listed: readonly InvoiceSummary[],
  payments: readonly Payment[],
  count: number,
): Owed {
  const paid = new Map<number, Money>();
  for (const p of payments) {
    const before = paid.get(p.invoiceId) ?? '0';
    paid.set(p.invoiceId, subtractMoney(addMoney(before, p.amountIn), p.amountOut));
  }
  const invoices = listed.flatMap((summary): OwedInvoice[] => {
    const balance = subtractMoney(summary.total, paid.get(summary.id) ?? '0');
    if (compareMoney(balance, '0') <= 0) return [];

    return [{ ...summary, balance }];
  });

  return { invoices, count, due: sumMoney(invoices.map((i) => i.balance)) };
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
