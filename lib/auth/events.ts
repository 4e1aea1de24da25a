import 'server-only';
import { log } from '@/lib/log';

// Security-relevant moments in sign-in and sessions, one structured log line
// each under a stable event name (see docs/operations.md).
// TODO(#4): feed these lines to the alert rules in lib/security/alerts.ts.

type Fields = Record<string, string | number | boolean | null>;

const WARN = new Set([
  'auth.token.reused',
  'auth.login.rate_limited',
  'store.unavailable',
]);

export function securityEvent(event: string, fields: Fields = {}): void {
  if (WARN.has(event)) log().warn({ event, ...fields });
  else log().info({ event, ...fields });
}
