import 'server-only';
import { schemas } from '@/lib/whmcs/schemas';
import { assertId } from '@/lib/whmcs/scope';
import { call } from '@/lib/whmcs/transport';
import type { Domain } from '@/lib/whmcs/types';

// A domain's settings at its registrar (nameservers, transfer lock, transfer
// code) and its auto-renewal in WHMCS (docs/whmcs.md#domains-at-the-registrar).
// Each function takes a domain the caller has read with getDomain, so it is the
// client's own; each sends the domain id and the one setting it changes,
// nothing else.

export type TransferCode =
  /** The registrar handed the code to WHMCS: show it to the customer once. */
  | { kind: 'code'; code: string }
  /** The registrar sends the code by email to the domain's registrant contact. */
  | { kind: 'emailed' };

const idOf = (domain: Pick<Domain, 'id'>) => {
  assertId('domainId', domain.id);
  return domain.id;
};

export function getNameservers(domain: Pick<Domain, 'id'>): Promise<string[]> {
  const params = { domainid: idOf(domain) };
  return call('DomainGetNameservers', params, schemas.DomainGetNameservers);
}

/** `nameservers` are checked hostnames, 2 to 5 of them. */
export async function setNameservers(
  domain: Pick<Domain, 'id'>,
  nameservers: readonly string[],
): Promise<void> {
  if (nameservers.length < 2 || nameservers.length > 5)
    throw new RangeError('a domain takes 2 to 5 nameservers');
  const params = Object.fromEntries(nameservers.map((ns, i) => [`ns${i + 1}`, ns]));
  await call(
    'DomainUpdateNameservers',
    { domainid: idOf(domain), ...params },
    schemas.DomainUpdateNameservers,
  );
}

/** True when the registrar lock is on. */
export function getRegistrarLock(domain: Pick<Domain, 'id'>): Promise<boolean> {
  const params = { domainid: idOf(domain) };
  return call('DomainGetLockingStatus', params, schemas.DomainGetLockingStatus);
}

export async function setRegistrarLock(
  domain: Pick<Domain, 'id'>,
  locked: boolean,
): Promise<void> {
  const params = { domainid: idOf(domain), lockstatus: locked };
  await call('DomainUpdateLockingStatus', params, schemas.DomainUpdateLockingStatus);
}

/**
 * Auto-renewal is WHMCS's `donotrenew` flag. UpdateClientDomain can change any
 * field of the domain (its price, status, registrar, dates), so this sends
 * the domain id and `donotrenew` and never anything else.
 */
export async function setAutoRenew(
  domain: Pick<Domain, 'id'>,
  autoRenew: boolean,
): Promise<void> {
  const params = { domainid: idOf(domain), donotrenew: !autoRenew };
  await call('UpdateClientDomain', params, schemas.UpdateClientDomain);
}

/** Asks the registrar for the transfer (EPP) code. The code is never logged or kept. */
export async function requestTransferCode(
  domain: Pick<Domain, 'id'>,
): Promise<TransferCode> {
  const params = { domainid: idOf(domain) };
  const { code } = await call('DomainRequestEPP', params, schemas.DomainRequestEPP);

  return code === null ? { kind: 'emailed' } : { kind: 'code', code };
}
