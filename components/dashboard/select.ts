import 'server-only';
import type { Domain, DomainStatus, Service, TicketSummary } from '@/lib/whmcs/types';

// What the dashboard picks out of each list. "Now" is read here, per request,
// rather than inside the components that render the result.

/** How many rows each dashboard list shows before its "view all" link. */
export const SHOWN = 5;

const DAY_MS = 24 * 60 * 60 * 1000;
const ENDED_DOMAIN = new Set(['Cancelled', 'Transferred Away', 'Fraud', 'Expired']);
/** Past expiry but still recoverable (at a price) or recently lost: act now. */
export const LAPSED_DOMAIN: ReadonlySet<DomainStatus> = new Set([
  'Grace',
  'Redemption',
  'Expired',
]);

export function activeServices(services: readonly Service[]): Service[] {
  return services.filter((s) => s.status === 'Active');
}

/** Every ticket still in play, whoever's turn it is: all but Closed. */
export function activeTickets(tickets: readonly TicketSummary[]): TicketSummary[] {
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
    .sort(byExpiry);
}

/** Expiring within `days`, or already in Grace, Redemption or Expired; soonest first. */
export function domainsNeedingAttention(domains: readonly Domain[], days = 30): Domain[] {
  const expiring = new Set(expiringDomains(domains, days));

  return domains
    .filter((d) => expiring.has(d) || LAPSED_DOMAIN.has(d.status))
    .sort(byExpiry);
}

export function daysUntil(date: Date): number {
  return Math.round((startOfUtcDay(date.getTime()) - startOfUtcDay(Date.now())) / DAY_MS);
}

/** Soonest expiry first, no expiry date last. */
function byExpiry(a: Domain, b: Domain): number {
  const expiry = (d: Domain) => d.expiresOn?.getTime() ?? Infinity;

  return expiry(a) - expiry(b) || a.id - b.id;
}

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}
