import 'server-only';
import { log } from '@/lib/log';
import { recordWhmcsCall } from '@/lib/metrics';
import { requestContext } from '@/lib/request';
import { securityEvent } from '@/lib/security/events';
import type { Attempt } from '@/lib/whmcs/attempt';

// How a finished WHMCS call is told: one `whmcs.call` log line (never params,
// never a body), its metrics, and for a misconfiguration a security event that
// raises an alert.

const LEVELS = {
  unavailable: 'warn',
  uncertain: 'warn',
  misconfigured: 'error',
  invalid: 'error',
  refused: 'info',
  not_found: 'info',
} as const;

// What an operator must fix, by the WHMCS message
// (docs/whmcs.md#invalid-ip-credentials-and-role-gaps).
const CAUSES: [RegExp, string][] = [
  [/^invalid ip\b/i, 'invalid_ip'],
  [/authentication failed/i, 'auth_failed'],
  [/invalid or missing credentials/i, 'unknown_identifier'],
  [/invalid permissions/i, 'role_gap'],
  [/invalid api action/i, 'unknown_action'],
  [/restricted to internal api/i, 'internal_only'],
  [/not in the allowlist|reserved parameter/i, 'portal_call'],
  [/^http 40[13]$/, 'http_forbidden'],
  [/^tls /, 'tls'],
];

/** Reports a call after its last attempt (0: refused before sending). */
export async function report(
  action: string,
  result: Pick<Attempt<unknown>, 'outcome' | 'rejected'>,
  started: number,
  attempt: number,
): Promise<void> {
  const durationMs = Math.round(performance.now() - started);
  const { requestId } = await requestContext();
  const line = { event: 'whmcs.call', action, durationMs, attempt, requestId };
  const { outcome } = result;
  const label = outcome.ok ? 'ok' : (result.rejected ?? outcome.error.kind);
  recordWhmcsCall(action, label, durationMs / 1000);
  if (outcome.ok) return log().info({ ...line, outcome: 'ok' });

  const { kind, reason } = outcome.error;
  log()[LEVELS[kind]]({ ...line, outcome: 'error', kind, reason });
  if (kind === 'misconfigured') {
    await securityEvent('whmcs.misconfigured', {
      action,
      cause: causeOf(reason),
      reason,
    });
  }
}

export function causeOf(reason: string): string {
  return CAUSES.find(([pattern]) => pattern.test(reason))?.[1] ?? 'other';
}
