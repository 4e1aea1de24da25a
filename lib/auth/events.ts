import 'server-only';
import {
  securityEvent as emit,
  type EventFields,
  type SecurityEventName,
} from '@/lib/security/events';

/**
 * Records a sign-in or session event (log line, metrics, alert rules) without
 * making the request wait for it; lib/security/events.ts never rejects.
 */
export function securityEvent(name: SecurityEventName, fields: EventFields = {}): void {
  void emit(name, fields);
}
