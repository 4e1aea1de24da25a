import 'server-only';
import { securityEvent } from '@/lib/auth/events';
import { ROTATION_GRACE_SECONDS, type Realm, type RealmName } from '@/lib/auth/realm';
import { judgeRecord } from '@/lib/auth/session-record';
import { signToken, verifyToken, type TokenInput } from '@/lib/auth/token';
import { store } from '@/lib/store';

// Short access tokens, renewed while their session record lives. Used by
// proxy.ts, the only place (with route handlers) that may set a cookie on any
// request. Every renewal rotates the jti; presenting a rotated-out jti later
// than the grace allows is treated as a stolen token and ends the session.
// Both realms go through here, each with its own keys, lifetimes and claims.

export type RefreshOutcome =
  | { kind: 'pass' }
  | { kind: 'rotated'; token: string; expiresAt: number }
  | { kind: 'ended'; reason: string };

export async function refreshIfDue<N extends RealmName>(
  realm: Realm<N>,
  token: string | undefined,
  now: number,
): Promise<RefreshOutcome> {
  const claims = await verifyToken(realm, token, now * 1000, realm.idleTtlSeconds);
  if (!claims) return { kind: 'ended', reason: 'invalid' };
  if (claims.exp - now > realm.accessTtlSeconds / 2) return { kind: 'pass' };

  const record = await store().sessions.get(claims.sid);
  const verdict = judgeRecord(realm, record, claims, now);
  if (!verdict.live) {
    if (verdict.reason === 'stale-token')
      return reused(realm, claims.sid, claims.sub, now);
    return { kind: 'ended', reason: record?.revokedReason ?? verdict.reason };
  }

  const nextJti = crypto.randomUUID();
  const outcome = await store().sessions.rotate(
    claims.sid,
    claims.jti,
    nextJti,
    now,
    ROTATION_GRACE_SECONDS,
  );
  if (outcome === 'raced') return { kind: 'pass' };
  if (outcome === 'reused') return reused(realm, claims.sid, claims.sub, now, false);
  if (outcome === 'gone') return { kind: 'ended', reason: 'gone' };

  const { exp: _exp, iat: _iat, ...rest } = claims;
  const input = { ...rest, jti: nextJti } as TokenInput<N>;
  const fresh = await signToken(realm, input, now * 1000);
  return { kind: 'rotated', ...fresh };
}

async function reused(
  realm: Realm,
  sid: string,
  sub: string,
  now: number,
  revoke = true,
) {
  if (revoke) await store().sessions.revoke(sid, 'reuse', now);
  securityEvent('auth.token.reused', { realm: realm.name, sid, userId: sub });
  return { kind: 'ended', reason: 'reuse' } as const;
}
