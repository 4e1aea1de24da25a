import type { DomainStatus, Service } from '@/lib/whmcs/types';

// When a service or domain offers each change. The pages use these to show a
// form; the server actions check them again before anything is sent.

/** Only a running service provisioned on a server has a control panel to go to. */
export function hasControlPanel(service: Pick<Service, 'status' | 'serverId'>): boolean {
  return service.status === 'Active' && service.serverId > 0;
}

/** Statuses in which a cancellation request means something. */
export function isCancellable(service: Pick<Service, 'status'>): boolean {
  return service.status === 'Active' || service.status === 'Suspended';
}

/**
 * When a cancellation of this service can take effect. WHMCS carries out an
 * "End of Billing Period" request on the service's next due date. Once that
 * date has come (a renewal left unpaid, which is what suspends most services)
 * it would run at the next daily automation, no later than "Immediate"; and a
 * service that is never billed again (free, one-time) has no period to wait
 * for. Then "Immediate" is the only choice that means something, and `because`
 * says why.
 */
export type CancellationTiming =
  | { endOfPeriod: Date }
  | {
      endOfPeriod: null;
      because: 'no-billing-period' | 'period-over';
      dueDate: Date | null;
    };

const day = (date: Date) => date.toISOString().slice(0, 10);

export function cancellationTiming(
  service: Pick<Service, 'nextDueDate'>,
  now: Date = new Date(),
): CancellationTiming {
  const due = service.nextDueDate;
  if (!due) return { endOfPeriod: null, because: 'no-billing-period', dueDate: null };
  // Dates are WHMCS's days, in UTC (lib/whmcs/wire.ts).
  return day(due) > day(now)
    ? { endOfPeriod: due }
    : { endOfPeriod: null, because: 'period-over', dueDate: due };
}

/** Only an active service can change plan. */
export function canChangePlan(service: Pick<Service, 'status'>): boolean {
  return service.status === 'Active';
}

/** The registrar takes changes (nameservers, lock, transfer code) only for an active domain. */
export function isManageable(domain: { status: DomainStatus }): boolean {
  return domain.status === 'Active';
}
