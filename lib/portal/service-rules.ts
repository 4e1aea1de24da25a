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

/** Only an active service can change plan. */
export function canChangePlan(service: Pick<Service, 'status'>): boolean {
  return service.status === 'Active';
}

/** The registrar takes changes (nameservers, lock, transfer code) only for an active domain. */
export function isManageable(domain: { status: DomainStatus }): boolean {
  return domain.status === 'Active';
}
