import type { Invoice } from './model-billing';
import type { SimState } from './state';
import { ymd } from './util';

export function invoiceTotal(invoice: Invoice): number {
  return invoice.items.reduce((sum, item) => sum + item.amountCents, 0);
}

export function invoicePayments(state: SimState, invoice: Invoice) {
  return state.transactions.filter((t) => t.invoiceId === invoice.id);
}

/** What is still owed: total minus credit applied minus net payments. */
export function invoiceBalance(state: SimState, invoice: Invoice): number {
  const paid = invoicePayments(state, invoice).reduce(
    (sum, t) => sum + t.amountInCents - t.amountOutCents,
    0,
  );
  if (invoice.status === 'Refunded' || invoice.status === 'Cancelled') return 0;

  return Math.max(0, invoiceTotal(invoice) - invoice.creditCents - paid);
}

/** WHMCS's "Overdue" is not a status: it is Unpaid with the due date passed. */
export function isOverdue(invoice: Invoice, today: Date): boolean {
  return invoice.status === 'Unpaid' && invoice.duedate < ymd(today);
}
