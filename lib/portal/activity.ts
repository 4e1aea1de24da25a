import 'server-only';
import type { AuditEntry } from '@/lib/store/types';

// The customer's activity trail in their own words. An entry's `target` holds
// the portal's internal id (`ticket:65`), which is for staff and for linking;
// the customer knows the ticket as "#516757", the domain by its name, and
// needs to read whether a switch went on or off. So a change also notes, in
// the entry's detail, the record as the customer knows it (`ActivityNote`),
// and `describeActivity` turns an entry into words. Entries written before
// notes existed still read sensibly, just without the name.
//
// A note holds names and numbers only: never a transfer code, a sign-in link
// or anything typed into a form. `noteDetail` keeps to the listed keys, so a
// value passed by mistake under another name is dropped, not stored.

export type Switch = 'on' | 'off';

/** What a change names, as the customer knows it. */
export type ActivityNote = {
  /** The public ticket number ("516757"), not the internal id. */
  ticket?: string;
  /** The invoice number as printed on the invoice. */
  invoice?: string;
  /** The product and its domain, as on the services page. */
  service?: string;
  /** The domain name. */
  domain?: string;
  /** Which way a switch (registrar lock, auto-renew) was set. */
  turned?: Switch;
};

const NOTE_KEYS = ['ticket', 'invoice', 'service', 'domain', 'turned'] as const;
const MAX_NAME = 200;

/** A note as entry detail: listed keys only, short strings only. */
export function noteDetail(note: ActivityNote | undefined): Record<string, string> {
  const detail: Record<string, string> = {};
  if (!note) return detail;
  for (const key of NOTE_KEYS) {
    const value = note[key];
    if (typeof value === 'string' && value.trim() !== '')
      detail[key] = value.trim().slice(0, MAX_NAME);
  }
  return detail;
}

/** A service as the customer knows it: its product, and the domain it is for. */
export function serviceName(service: { productName: string; domain: string }): string {
  return service.domain
    ? `${service.productName} (${service.domain})`
    : service.productName;
}

const CHANGES: Record<string, string> = {
  'ticket.open': 'Opened a support ticket',
  'ticket.reply': 'Replied to a support ticket',
  'ticket.close': 'Closed a support ticket',
  'sso.invoice': 'Went to WHMCS to pay an invoice',
  'sso.invoice-pdf': 'Went to WHMCS for an invoice PDF',
  'sso.control-panel': 'Signed in to a control panel',
  'sso.upgrade': 'Went to WHMCS to change a plan',
  'sso.password': 'Went to WHMCS to change the password',
  'sso.two-factor': 'Went to WHMCS for two-factor authentication',
  'profile.update': 'Updated contact details',
  'password.reset': 'Asked for a password reset email',
  'service.cancel': 'Requested a cancellation',
  'domain.nameservers': 'Changed nameservers',
  'domain.lock': 'Changed the registrar lock',
  'domain.autorenew': 'Changed auto-renewal',
  'domain.epp': 'Requested a transfer (EPP) code',
};

/** Switches say which way they went, when the entry noted it. */
const SWITCHES: Record<string, Record<Switch, string>> = {
  'domain.lock': {
    on: 'Turned the registrar lock on',
    off: 'Turned the registrar lock off',
  },
  'domain.autorenew': { on: 'Turned auto-renew on', off: 'Turned auto-renew off' },
};

/** What a record is called when the entry does not say which one (older entries). */
const UNNAMED: Record<string, string> = {
  ticket: 'a support ticket',
  invoice: 'an invoice',
  service: 'a service',
  domain: 'a domain',
};

/** Targets that are already words. */
const WORDS: Record<string, string> = {
  'ticket:new': 'a new support ticket',
  'your login': 'your login',
  'contact details': 'your contact details',
};

export type ActivityWords = {
  /** What was done: "Turned auto-renew off". */
  change: string;
  /** On what: "ticket #516757", "example.com"; `—` when nothing is named. */
  on: string;
  /** The record's page, when the entry names one by id. */
  href?: string;
};

const PAGES: Record<string, string> = {
  ticket: '/tickets',
  invoice: '/invoices',
  service: '/services',
  domain: '/domains',
};

function text(detail: AuditEntry['detail'], key: string): string | null {
  const value = detail[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

function switched(detail: AuditEntry['detail']): Switch | null {
  const value = detail.turned;
  return value === 'on' || value === 'off' ? value : null;
}

function named(kind: string, detail: AuditEntry['detail']): string | null {
  const name = text(detail, kind);
  if (name === null) return null;
  if (kind === 'ticket' || kind === 'invoice') return `${kind} #${name}`;
  return name;
}

export function describeActivity(entry: AuditEntry): ActivityWords {
  const turned = switched(entry.detail);
  const change =
    (turned && SWITCHES[entry.action]?.[turned]) ??
    CHANGES[entry.action] ??
    'Made a change through the portal';

  const record = /^([a-z]+):(\d+)$/.exec(entry.target);
  if (record) {
    const [, kind = '', id = ''] = record;
    const on = named(kind, entry.detail) ?? UNNAMED[kind];
    if (!on) return { change, on: '—' };
    const page = PAGES[kind];
    return page ? { change, on, href: `${page}/${id}` } : { change, on };
  }
  if (entry.target === 'ticket:new') {
    // Opening a ticket learns its number only once it is open.
    const on = named('ticket', entry.detail);
    return { change, on: on ?? WORDS[entry.target] ?? '—' };
  }

  return { change, on: WORDS[entry.target] ?? '—' };
}
