import type { Domain } from '../model';
import { addDays, ymd } from '../util';
import {
  failure,
  flag,
  int,
  success,
  text,
  type ActionContext,
  type Handler,
} from '../wire';

// The registrar functions of a domain: nameservers, the transfer lock and the
// transfer (EPP) code. WHMCS passes each call to the domain's registrar module
// and answers with the registrar's own words when it refuses; the docs list
// that as "Registrar Error Message". The simulator's registrar refuses the way
// real ones do:
// - a domain that is not (or no longer) registered through it;
// - a transfer code within 60 days of a registration or transfer in (the
//   registries' transfer lock), for a domain that is not Active, or for a TLD
//   whose registry does not use codes (.uk moves by changing its IPS tag);
// - eNom does not hand the code to WHMCS: it emails it to the registrant, and
//   WHMCS answers a bare success (as in the official example).

const MISSING = 'Domain ID Not Found';

/** Statuses in which the registrar still holds the domain. */
const HELD: ReadonlySet<Domain['status']> = new Set(['Active', 'Grace', 'Expired']);
/** Statuses in which the registrar accepts changes. */
const CHANGEABLE: ReadonlySet<Domain['status']> = new Set(['Active', 'Grace']);

export const TRANSFER_LOCK_DAYS = 60;
/** TLDs whose registry moves domains without a transfer code. */
export const NO_CODE_TLDS: readonly string[] = ['uk'];
/** Registrars that email the code to the registrant instead of returning it. */
export const EMAILING_REGISTRARS: readonly string[] = ['enom'];

/** Nameserver hostnames the registrar takes: letters, digits, hyphens, two labels or more. */
const HOSTNAME = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

function domainOf(params: URLSearchParams, ctx: ActionContext): Domain | undefined {
  const id = int(params, 'domainid');
  if (id !== undefined) return ctx.state.domains.find((d) => d.id === id);
  const name = text(params, 'domain')?.toLowerCase();

  return name === undefined
    ? undefined
    : ctx.state.domains.find((d) => d.name.toLowerCase() === name);
}

function registrarRefusal(domain: Domain, change: boolean): string | null {
  if (change ? CHANGEABLE.has(domain.status) : HELD.has(domain.status)) return null;
  if (domain.status === 'Pending') return 'Domain is not registered yet';

  return change
    ? `Domain status ${domain.status} does not allow changes`
    : 'Domain is not held in this registrar account';
}

/** ns1…ns5 as sent, blanks dropped; null when ns1 or ns2 is missing. */
export function nameserversOf(params: URLSearchParams): string[] | null {
  const values = [1, 2, 3, 4, 5].map((n) => text(params, `ns${n}`));
  if (!values[0] || !values[1]) return null;

  return values.filter((v): v is string => v !== undefined).map((v) => v.toLowerCase());
}

export function setNameservers(domain: Domain, nameservers: string[]): string | null {
  const bad = nameservers.find((ns) => !HOSTNAME.test(ns));
  if (bad !== undefined) return `Invalid nameserver ${bad}`;
  domain.nameservers = nameservers;

  return null;
}

// The example shows ns1 and ns2 only; a domain with more nameservers sends
// them all, and none past the last.
export const domainGetNameservers: Handler = (params, ctx) => {
  const domain = domainOf(params, ctx);
  if (!domain) return failure(MISSING);
  const refused = registrarRefusal(domain, false);
  if (refused) return failure(refused);

  return success(
    Object.fromEntries(domain.nameservers.map((ns, i) => [`ns${i + 1}`, ns])),
  );
};

export const domainUpdateNameservers: Handler = (params, ctx) => {
  const domain = domainOf(params, ctx);
  if (!domain) return failure(MISSING);
  const nameservers = nameserversOf(params);
  if (!nameservers) return failure('ns1 and ns2 required');
  const refused = registrarRefusal(domain, true) ?? setNameservers(domain, nameservers);

  return refused ? failure(refused) : success();
};

export const domainGetLockingStatus: Handler = (params, ctx) => {
  const domain = domainOf(params, ctx);
  if (!domain) return failure(MISSING);
  const refused = registrarRefusal(domain, false);
  if (refused) return failure(refused);

  return success({ lockstatus: domain.locked ? 'locked' : 'unlocked' });
};

// `lockstatus` left out means unlock, as WHMCS reads a missing boolean.
export const domainUpdateLockingStatus: Handler = (params, ctx) => {
  const domain = domainOf(params, ctx);
  if (!domain) return failure(MISSING);
  const refused = registrarRefusal(domain, true);
  if (refused) return failure(refused);
  domain.locked = flag(params, 'lockstatus');

  return success();
};

export const domainRequestEpp: Handler = (params, ctx) => {
  const domain = domainOf(params, ctx);
  if (!domain) return failure(MISSING);
  const refused = eppRefusal(domain, ctx.clock());
  if (refused) return failure(refused);
  if (EMAILING_REGISTRARS.includes(domain.registrar)) return success();

  return success({ eppcode: domain.eppCode });
};

function eppRefusal(domain: Domain, now: Date): string | null {
  if (domain.status !== 'Active')
    return `Domain status ${domain.status} does not allow a transfer out`;
  const tld = domain.name.slice(domain.name.lastIndexOf('.') + 1).toLowerCase();
  if (NO_CODE_TLDS.includes(tld))
    return `The .${tld} registry does not use transfer codes; change the IPS tag instead`;
  const unlocks = ymd(
    addDays(new Date(`${domain.regdate}T00:00:00Z`), TRANSFER_LOCK_DAYS),
  );
  if (unlocks > ymd(now))
    return `Domain cannot be transferred within ${TRANSFER_LOCK_DAYS} days of registration or transfer (until ${unlocks})`;

  return null;
}
