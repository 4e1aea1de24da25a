import type { Domain } from '../model';
import { failure, flag, int, success, text, type Handler } from '../wire';
import { nameserversOf, setNameservers } from './domain-registrar';

// UpdateClientDomain: staff's edit of a domain record. Every field it takes
// really changes the record here, so a test can see whether a portal ever sent
// one it should not (the portal sends `donotrenew` and nothing else). Fields
// left out stay as they are.

const STATUSES: readonly Domain['status'][] = [
  'Pending',
  'Active',
  'Expired',
  'Cancelled',
  'Grace',
  'Transferred Away',
];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AMOUNT = /^-?\d+(\.\d+)?$/;

const FLAGS = {
  dnsmanagement: 'dnsManagement',
  emailforwarding: 'emailForwarding',
  idprotection: 'idProtection',
  donotrenew: 'doNotRenew',
} as const;
const DATES = {
  regdate: 'regdate',
  nextduedate: 'nextduedate',
  expirydate: 'expirydate',
};
const AMOUNTS = {
  firstpaymentamount: 'firstPaymentCents',
  recurringamount: 'recurringCents',
} as const;

export const updateClientDomain: Handler = (params, ctx) => {
  const id = int(params, 'domainid');
  const domain = ctx.state.domains.find((d) => d.id === id);
  if (!domain) return failure('Domain ID Not Found');

  const changes: Partial<Domain> = {};
  for (const [name, key] of Object.entries(FLAGS))
    if (params.has(name)) changes[key] = flag(params, name);
  for (const [name, key] of Object.entries(DATES)) {
    const value = text(params, name);
    if (value !== undefined && DATE.test(value)) changes[key as 'regdate'] = value;
  }
  for (const [name, key] of Object.entries(AMOUNTS)) {
    const value = text(params, name);
    if (value !== undefined && AMOUNT.test(value))
      changes[key] = Math.round(Number(value) * 100);
  }
  const status = text(params, 'status');
  if (status !== undefined) {
    const known = STATUSES.find((s) => s.toLowerCase() === status.toLowerCase());
    if (known) changes.status = known;
  }
  const type = text(params, 'type');
  if (type === 'Register' || type === 'Transfer') changes.regtype = type;
  const name = text(params, 'domain');
  if (name !== undefined) changes.name = name.toLowerCase();
  const registrar = text(params, 'registrar');
  if (registrar !== undefined) changes.registrar = registrar;
  const period = int(params, 'regperiod');
  if (period !== undefined && period > 0) changes.regperiod = period;
  const gateway = text(params, 'paymentmethod');
  if (gateway !== undefined) changes.gateway = gateway;

  // updatens=1 with ns1…ns5 also changes the nameservers at the registrar.
  if (flag(params, 'updatens')) {
    const nameservers = nameserversOf(params);
    if (!nameservers) return failure('ns1 and ns2 required');
    const refused = setNameservers(domain, nameservers);
    if (refused) return failure(refused);
  }
  Object.assign(domain, changes);

  return success({ domainid: String(domain.id) });
};
