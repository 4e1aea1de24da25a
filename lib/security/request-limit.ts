import 'server-only';
import { env } from '@/lib/env';
import { store } from '@/lib/store';

// The general per-address limit proxy.ts applies to every request that is not
// a hashed build asset: generous for a person (a page and its prefetches are a
// few dozen requests), fatal for a script hammering the portal. Counted in the
// store, so several instances share it; a store that cannot count fails closed.

export type RequestVerdict = { allowed: true } | { allowed: false; retryAfter: number };

export async function checkRequestLimit(
  ip: string,
  now = Date.now(),
): Promise<RequestVerdict> {
  const result = await store().rateLimits.hit(
    `req:ip:${ip}`,
    env().REQUEST_LIMIT_PER_MINUTE,
    60,
  );
  if (result.allowed) return { allowed: true };

  return {
    allowed: false,
    retryAfter: Math.max(1, result.resetAt - Math.floor(now / 1000)),
  };
}
