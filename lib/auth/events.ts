import 'server-only';
import { securityEvent as record, type SecurityEventName } from '@/lib/security/events';

// Security-relevant moments in sign-in and sessions, one structured log line
// each under a stable event name (see docs/operations.md), with the request id,
// counted in the metrics and fed to the alert rules (lib/security/events.ts).

type Fields = Record<string, string | number | boolean | null>;

/** Records in the background: the caller never waits for it and it never throws. */
export function securityEvent(event: SecurityEventName, fields: Fields = {}): void {
  void record(event, fields);
}
