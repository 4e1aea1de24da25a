import 'server-only';
import { createHmac, hkdfSync } from 'node:crypto';
import type { RealmName } from '@/lib/store/types';
import { env } from '@/lib/env';
import { store } from '@/lib/store';

// Sign-in attempts are counted per client address and per account, much more
// tightly for staff. The account key is a keyed hash of the email (or staff
// username), so the store never holds the address itself.

type Limit = { limit: number; windowSeconds: number };

/** The sign-in limits' window: no refusal lasts longer than this. */
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
const WINDOW = SIGN_IN_WINDOW_SECONDS;

export function signInLimits(realm: RealmName): { perIp: Limit; perAccount: Limit } {
  if (realm === 'admin') {
    return {
      perIp: { limit: 10, windowSeconds: WINDOW },
      perAccount: { limit: 5, windowSeconds: WINDOW },
    };
  }
  return {
    perIp: { limit: env().SIGN_IN_LIMIT_PER_IP, windowSeconds: WINDOW },
    perAccount: { limit: env().SIGN_IN_LIMIT_PER_ACCOUNT, windowSeconds: WINDOW },
  };
}

export type LimitVerdict = { allowed: true } | { allowed: false; retryAfter: number };

let hashKey: Buffer | undefined;

/** A stable, non-reversible name for an account in keys and history. */
export function accountKey(identity: string): string {
  hashKey ??= Buffer.from(
    hkdfSync('sha256', env().JWT_SECRET, 'kraken-portal', 'account key', 32),
  );
  const digest = createHmac('sha256', hashKey).update(identity.trim().toLowerCase());

  return digest.digest('hex').slice(0, 32);
}

/** Counts one attempt against both limits; throws StoreUnavailableError (fail closed). */
export async function checkSignInLimits(
  realm: RealmName,
  ip: string,
  account: string,
  /** A later step of the same sign-in (staff 'totp') counts under its own keys. */
  step?: string,
): Promise<LimitVerdict> {
  const { perIp, perAccount } = signInLimits(realm);
  const prefix = step ? `signin:${realm}:${step}` : `signin:${realm}`;
  const [byIp, byAccount] = await Promise.all([
    store().rateLimits.hit(`${prefix}:ip:${ip}`, perIp.limit, perIp.windowSeconds),
    store().rateLimits.hit(
      `${prefix}:acct:${account}`,
      perAccount.limit,
      perAccount.windowSeconds,
    ),
  ]);
  if (byIp.allowed && byAccount.allowed) return { allowed: true };

  const resetAt = Math.max(
    byIp.allowed ? 0 : byIp.resetAt,
    byAccount.allowed ? 0 : byAccount.resetAt,
  );
  return {
    allowed: false,
    retryAfter: Math.max(1, resetAt - Math.floor(Date.now() / 1000)),
  };
}
