import { describeActivity } from '@/lib/portal/activity';
import type { AuditEntry } from '@/lib/store/types';

// An audit entry as staff read it: words first, the machine codes kept beside
// them (the filter takes the action's code). Customer changes read as on the
// customer's own security page.

const STAFF_ACTIONS: Record<string, string> = {
  'admin.signin.password': 'Staff sign-in: password',
  'admin.signin.totp': 'Staff sign-in: authenticator code',
  'admin.stepup': 'Confirmed the authenticator code again',
  'admin.signout': 'Signed out',
  'session.revoke': 'Ended a session',
  'session.revoke-all': 'Ended all of one person’s sessions',
};

export type AuditWords = {
  actor: string;
  /** The action in words; the same as `entry.action` when there are none. */
  action: string;
  /** The record as the customer knows it (a ticket number, a domain), when noted. */
  named?: string;
};

export function auditWords(entry: AuditEntry): AuditWords {
  const customer = /^customer:(\d+)$/.exec(entry.actor)?.[1];
  if (customer === undefined)
    return { actor: entry.actor, action: STAFF_ACTIONS[entry.action] ?? entry.action };

  const client = entry.detail.clientId;
  const actor =
    typeof client === 'number' || typeof client === 'string'
      ? `customer user #${customer} (client #${client})`
      : `customer user #${customer}`;
  const { change, on } = describeActivity(entry);
  // "a support ticket" and the like say nothing the id does not.
  const named = on === '—' || /^an? /.test(on) ? undefined : on;

  return { actor, action: change, ...(named && { named }) };
}
