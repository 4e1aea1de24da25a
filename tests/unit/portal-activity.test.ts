import { describe, expect, it } from 'vitest';
import { describeActivity, noteDetail } from '@/lib/portal/activity';
import type { AuditEntry } from '@/lib/store/types';

// The activity list's words: what was done, on what, by the name or number the
// customer knows; entries written before notes existed still read sensibly.

const entry = (
  action: string,
  target: string,
  detail: AuditEntry['detail'] = { clientId: 1 },
): AuditEntry => ({
  at: 1_700_000_000,
  actor: 'customer:1',
  action,
  target,
  outcome: 'success',
  ip: '192.0.2.1',
  detail,
});

describe('describeActivity', () => {
  it('names a ticket by its public number, never by its internal id', () => {
    const words = describeActivity(
      entry('ticket.reply', 'ticket:65', { clientId: 1, ticket: '516757' }),
    );

    expect(words).toEqual({
      change: 'Replied to a support ticket',
      on: 'ticket #516757',
      href: '/tickets/65',
    });
  });

  it('names a newly opened ticket by its number, or as a new ticket without one', () => {
    expect(
      describeActivity(entry('ticket.open', 'ticket:new', { ticket: '123456' })).on,
    ).toBe('ticket #123456');
    expect(describeActivity(entry('ticket.open', 'ticket:new')).on).toBe(
      'a new support ticket',
    );
  });

  it.each([
    ['domain.lock', 'on', 'Turned the registrar lock on'],
    ['domain.lock', 'off', 'Turned the registrar lock off'],
    ['domain.autorenew', 'on', 'Turned auto-renew on'],
    ['domain.autorenew', 'off', 'Turned auto-renew off'],
  ])('%s turned %s reads "%s"', (action, turned, change) => {
    const words = describeActivity(
      entry(action, 'domain:7', { clientId: 1, turned, domain: 'example.com' }),
    );

    expect(words).toEqual({ change, on: 'example.com', href: '/domains/7' });
  });

  it.each([
    ['ticket.reply', 'ticket:65', 'Replied to a support ticket', 'a support ticket'],
    ['ticket.open', 'ticket:new', 'Opened a support ticket', 'a new support ticket'],
    ['domain.lock', 'domain:7', 'Changed the registrar lock', 'a domain'],
    ['domain.autorenew', 'domain:7', 'Changed auto-renewal', 'a domain'],
    ['sso.invoice', 'invoice:9', 'Went to WHMCS to pay an invoice', 'an invoice'],
    ['service.cancel', 'service:3', 'Requested a cancellation', 'a service'],
    [
      'profile.update',
      'contact details',
      'Updated contact details',
      'your contact details',
    ],
    ['sso.password', 'your login', 'Went to WHMCS to change the password', 'your login'],
  ])(
    'an entry of the old form, %s on %s, still reads in words',
    (action, target, change, on) => {
      const words = describeActivity(entry(action, target));

      expect(words.change).toBe(change);
      expect(words.on).toBe(on);
      expect(words.on).not.toMatch(/[a-z]+:\w+|#\d/);
    },
  );

  it('shows no raw action names or targets it does not know', () => {
    const words = describeActivity(entry('domain.teleport', 'thing:abc'));

    expect(words).toEqual({ change: 'Made a change through the portal', on: '—' });
  });
});

describe('noteDetail', () => {
  it('keeps only the listed names, trimmed and short', () => {
    const note = {
      domain: ` ${'a'.repeat(300)} `,
      turned: 'off',
      code: 'EPP-SECRET',
      link: 'https://whmcs.example/sso?token=1',
    } as unknown as Parameters<typeof noteDetail>[0];

    const detail = noteDetail(note);

    expect(Object.keys(detail).sort()).toEqual(['domain', 'turned']);
    expect(detail.domain).toHaveLength(200);
    expect(JSON.stringify(detail)).not.toMatch(/EPP-SECRET|token/);
  });
});
