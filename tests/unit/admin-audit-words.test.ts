import { describe, expect, it } from 'vitest';
import { auditWords } from '@/components/admin/audit-words';
import { signInReason } from '@/components/security/format';
import type { AuditEntry } from '@/lib/store/types';

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  at: 1_796_000_000,
  actor: 'customer:7',
  action: 'domain.autorenew',
  target: 'domain:3',
  outcome: 'success',
  ip: '192.0.2.1',
  detail: {},
  ...over,
});

describe('the audit trail in words for staff', () => {
  it('names a customer by user and client, and the change as the customer reads it', () => {
    const words = auditWords(
      entry({ detail: { clientId: 1, domain: 'example.com', turned: 'off' } }),
    );

    expect(words).toEqual({
      actor: 'customer user #7 (client #1)',
      action: 'Turned auto-renew off',
      named: 'example.com',
    });
  });

  it('names no record when the entry noted none (older entries)', () => {
    const words = auditWords(entry({ action: 'ticket.reply', target: 'ticket:65' }));

    expect(words).toEqual({
      actor: 'customer user #7',
      action: 'Replied to a support ticket',
    });
  });

  it('puts staff actions in words and leaves unknown codes as they are', () => {
    expect(auditWords(entry({ actor: 'olivia', action: 'session.revoke-all' }))).toEqual({
      actor: 'olivia',
      action: 'Ended all of one person’s sessions',
    });
    expect(auditWords(entry({ actor: 'olivia', action: 'made.up' })).action).toBe(
      'made.up',
    );
  });

  it('does not take a staff username that looks like a customer for one', () => {
    expect(auditWords(entry({ actor: 'customer:7x', action: 'admin.signout' }))).toEqual({
      actor: 'customer:7x',
      action: 'Signed out',
    });
  });
});

describe('sign-in reasons in words', () => {
  it.each([
    ['bad-credentials', 'wrong password'],
    ['code-wrong', 'wrong authenticator code'],
    ['stepup-code-replayed', 'authenticator code used twice when confirming again'],
    ['step-up:invalid', 'wrong password when confirming a change'],
    ['something-new', 'something-new'],
  ])('%s reads “%s”', (code, words) => {
    expect(signInReason(code)).toBe(words);
  });
});
