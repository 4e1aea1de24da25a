import 'server-only';
import { sumMoney } from '@/lib/whmcs/money';
import type { Domain, InvoiceSummary, Service, TicketSummary } from '@/lib/whmcs/types';

// What the dashboard picks out of each list. "Now" is read here, per request,
// rather than inside the components that render the result.

/** How many rows each dashboard list shows before its "view all" link. */
export const SHOWN = 5;

const DAY_MS = 24 * 60 * 60 * 1000;
const ENDED_DOMAIN = new Set(['Cancelled', 'Transferred Away', 'Fraud', 'Expired']);

export function activeServices(services: readonly Service[]): Service[] {
  return services.filter((s) => s.status === 'Active');
}

export function openTickets(tickets: readonly TicketSummary[]): TicketSummary[] {
  return tickets.filter((t) => t.status !== 'Closed');
}

/** Domains still held whose expiry falls between today and `days` from now. */
export function expiringDomains(domains: readonly Domain[], days = 30): Domain[] {
  const today = startOfUtcDay(Date.now());
  const limit = today + days * DAY_MS;

  return domains
    .filter((d) => d.expiresOn && !ENDED_DOMAIN.has(d.status))
    .filter((d) => (d.expiresOn?.getTime() ?? 0) >= today)
    .filter((d) => (d.expiresOn?.getTime() ?? Infinity) <= limit)
    .sort((a, b) => (a.expiresOn?.getTime() ?? 0) - (b.expiresOn?.getTime() ?? 0));
}

export function daysUntil(date: Date): number {
  return Math.round((startOfUtcDay(date.getTime()) - startOfUtcDay(Date.now())) / DAY_MS);
}

export function isOverdue(invoice: InvoiceSummary): boolean {
  return invoice.dueOn !== null && invoice.dueOn.getTime() < startOfUtcDay(Date.now());
}

/** The exact amount due over the listed invoices (decimal strings, BigInt sum). */
export function amountDue(invoices: readonly InvoiceSummary[]): string {
  return sumMoney(invoices.map((i) => i.total));
}

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}
