import 'server-only';
import { logInRequest } from '@/lib/request';
import { securityEvent } from '@/lib/security/events';
import { store } from '@/lib/store';
import { StoreUnavailableError, type AuditEntry } from '@/lib/store/types';

// The one way a staff action (and a customer's change) runs: its entry goes
// into the audit trail first (outcome 'attempt'); only if that write succeeds
// does the action run; then its success or failure is written too. An audit
// trail that cannot be written stops the action: fail closed, never silent.

/** Who acts: a staff username (or `unknown` for a sign-in with a name nobody has). */
export type Auditor = { actor: string; ip: string };

type Detail = AuditEntry['detail'];
type Outcome = 'success' | 'failure';

/** The action did not run because its audit entry could not be written (a 503). */
export class AuditUnavailableError extends StoreUnavailableError {
  override name = 'AuditUnavailableError';
}

export type AuditOptions<T> = {
  detail?: Detail;
  /** How a result that is not an exception reads, e.g. a refused password. */
  judge?: (result: T) => Outcome;
  /** Detail known only once the action has run (a customer change notes what it named). */
  after?: (result: T) => Detail;
  /** The log line's event name: 'admin.action' unless a customer acts. */
  event?: 'admin.action' | 'customer.action';
};

const now = () => Math.floor(Date.now() / 1000);

export async function audited<T>(
  who: Auditor,
  action: string,
  target: string,
  run: () => Promise<T>,
  options: AuditOptions<T> = {},
): Promise<T> {
  const entry = (outcome: AuditEntry['outcome'], extra: Detail = {}): AuditEntry => ({
    at: now(),
    actor: who.actor,
    action,
    target,
    outcome,
    ip: who.ip,
    detail: { ...options.detail, ...extra },
  });
  try {
    await store().audit.append(entry('attempt'));
  } catch (error) {
    void securityEvent('store.unavailable', { during: 'audit', action });
    throw new AuditUnavailableError(`Audit trail unavailable; ${action} not run`, {
      cause: error,
    });
  }

  const event = options.event ?? 'admin.action';
  let result: T;
  try {
    result = await run();
  } catch (error) {
    const name = error instanceof Error ? error.name : 'unknown';
    await settle(entry('failure', { error: name }), event);
    throw error;
  }
  await settle(
    entry(options.judge?.(result) ?? 'success', options.after?.(result)),
    event,
  );

  return result;
}

/** The outcome line. The action has already happened, so a failed write is logged, not thrown. */
async function settle(entry: AuditEntry, event: string): Promise<void> {
  const { actor, action, target, outcome } = entry;
  await logInRequest('info', { event, actor, action, target, outcome });
  try {
    await store().audit.append(entry);
  } catch {
    await logInRequest('error', { event: 'audit.write_failed', actor, action, outcome });
  }
}
