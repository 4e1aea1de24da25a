import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

// Who may read /api/metrics: whoever presents METRICS_TOKEN as a bearer token.
// Without the setting the endpoint does not exist (404). The comparison takes
// the same time whatever the guess: both sides are hashed to equal lengths.

export type MetricsAccess = 'disabled' | 'denied' | 'allowed';

export function metricsAccess(authorization: string | null): MetricsAccess {
  const token = env().METRICS_TOKEN;
  if (!token) return 'disabled';

  const presented = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1]?.trim() ?? '';
  return sameSecret(presented, token) ? 'allowed' : 'denied';
}

function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  const equal = timingSafeEqual(digest(presented), digest(expected));

  return equal && presented.length > 0;
}
