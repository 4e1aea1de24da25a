import type { InvoiceStatus } from '@/lib/whmcs/types';

// The one rule for "Overdue", used by the dashboard, the invoice list and the
// invoice page alike. WHMCS stores Unpaid whatever the date; its client area
// calls an unpaid invoice overdue from the day after its due date (UTC here,
// as every date the portal shows).

const DAY_MS = 24 * 60 * 60 * 1000;

type Dated = { status: InvoiceStatus; dueOn: Date | null };

/** Unpaid and past its due day; an invoice due today is not overdue yet. */
export function isOverdue(invoice: Dated, now = Date.now()): boolean {
  if (invoice.status !== 'Unpaid' || invoice.dueOn === null) return false;

  return invoice.dueOn.getTime() < Math.floor(now / DAY_MS) * DAY_MS;
}

/** The status a customer reads: "Overdue" for an unpaid invoice past its due day. */
export function invoiceStatusLabel(invoice: Dated, now = Date.now()): string {
  return isOverdue(invoice, now) ? 'Overdue' : invoice.status;
}
