import 'server-only';
import { z } from 'zod';
import { paging, toPage, type Owned } from '@/lib/whmcs/schemas/common';
import type { Domain, DomainStatus } from '@/lib/whmcs/types';
import { registrarName } from '@/lib/whmcs/names';
import { date, flag, id, money, nested, optInt, optText, text } from '@/lib/whmcs/wire';

// GetClientsDomains: `domains.domain[]` with every value a string, paging
// included, and flags as "0"/"1". The owner is `userid` (a client id).

const STATUSES = [
  'Pending',
  'Pending Registration',
  'Pending Transfer',
  'Active',
  'Grace',
  'Redemption',
  'Expired',
  'Transferred Away',
  'Cancelled',
  'Fraud',
] as const satisfies readonly DomainStatus[];

// WHMCS keeps `donotrenew` as last set, but never renews a domain that has
// ended here: for those, auto-renew is off whatever the flag says.
const ENDED: ReadonlySet<DomainStatus> = new Set([
  'Expired',
  'Transferred Away',
  'Cancelled',
  'Fraud',
]);

const domain = z
  .object({
    id,
    userid: id,
    domainname: text,
    status: z.enum(STATUSES),
    registrar: optText,
    regtype: optText,
    regperiod: optInt,
    regdate: date,
    expirydate: date,
    nextduedate: date,
    recurringamount: money,
    paymentmethodname: optText,
    donotrenew: flag,
    dnsmanagement: flag,
    emailforwarding: flag,
    idprotection: flag,
  })
  .transform((wire): Owned<Domain> => ({
    ownerId: wire.userid,
    value: {
      id: wire.id,
      name: wire.domainname,
      status: wire.status,
      registrar: registrarName(wire.registrar),
      registrationType: wire.regtype,
      registrationPeriodYears: wire.regperiod,
      registeredOn: wire.regdate,
      expiresOn: wire.expirydate,
      nextDueDate: wire.nextduedate,
      recurringAmount: wire.recurringamount,
      paymentMethodName: wire.paymentmethodname,
      autoRenew: !wire.donotrenew && !ENDED.has(wire.status),
      dnsManagement: wire.dnsmanagement,
      emailForwarding: wire.emailforwarding,
      idProtection: wire.idprotection,
    },
  }));

export const getClientsDomainsAnswer = z
  .object({ ...paging, domains: nested('domain', domain) })
  .transform((wire, ctx) => toPage(wire, wire.domains, ctx));

// The registrar functions. WHMCS asks the domain's registrar on each call and
// passes on its answer; a refusal is the registrar's own text.

const NAMESERVER_KEYS = ['ns1', 'ns2', 'ns3', 'ns4', 'ns5'] as const;

/** DomainGetNameservers: `ns1`…`ns5`, as many as the domain has (blanks dropped). */
export const domainGetNameserversAnswer = z
  .object(Object.fromEntries(NAMESERVER_KEYS.map((k) => [k, optText])))
  .transform((wire) =>
    NAMESERVER_KEYS.map((k) => String(wire[k] ?? '').trim()).filter(Boolean),
  )
  .pipe(z.array(z.string()).min(1, 'no nameservers in the answer'));

/** DomainGetLockingStatus: "locked" or "unlocked"; anything else is not understood. */
export const domainGetLockingStatusAnswer = z
  .object({
    lockstatus: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['locked', 'unlocked'])),
  })
  .transform((wire) => wire.lockstatus === 'locked');

/** DomainRequestEPP: the code when the registrar returns one; none when it emails it. */
export const domainRequestEppAnswer = z
  .object({ eppcode: optText })
  .transform((wire) => ({ code: wire.eppcode.trim() || null }));

/** Writes that answer `result` alone (DomainUpdateNameservers, DomainUpdateLockingStatus). */
export const doneAnswer = z.object({}).transform(() => true as const);

/** UpdateClientDomain echoes the domain id as a string. */
export const updateClientDomainAnswer = z
  .object({ domainid: id })
  .transform((wire) => ({ domainId: wire.domainid }));
