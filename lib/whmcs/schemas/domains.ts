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
