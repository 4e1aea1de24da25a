import 'server-only';
import type { Realm } from '@/lib/auth/realm';
import { ROTATION_GRACE_SECONDS } from '@/lib/auth/realm';
import type { SessionRecord } from '@/lib/store/types';

// The server-side half of a session: what makes a token worth anything. The
// rules that decide whether a record is still alive live here, once, for
// the guards and for proxy.ts.

type NewRecord = {
  subject: string;
  clientId: number | null;
  authAt: number;
  ip: string;
  userAgent: string;
};

export function newSessionRecord(realm: Realm, input: NewRecord, now = nowSeconds()) {
  const record: SessionRecord = {
    sid: crypto.randomUUID(),
    realm: realm.name,
    subject: input.subject,
    clientId: input.clientId,
    jti: crypto.randomUUID(),
    prevJti: null,
    rotatedAt: null,
    createdAt: now,
    lastSeenAt: now,
    authAt: input.authAt,
    expiresAt: input.authAt + realm.absoluteTtlSeconds,
    revokedAt: null,
    revokedReason: null,
    ip: input.ip,
    userAgent: input.userAgent.slice(0, 256),
  };

  return record;
}

export type RecordVerdict =
  | { live: true }
  | {
      live: false;
      reason: 'missing' | 'mismatch' | 'revoked' | 'idle' | 'expired' | 'stale-token';
    };

/** Whether a record still backs a token carrying `jti`, at `now`. */
/** What a token says about its session: checked against the record, not trusted. */
export type TokenBinding = { jti: string; sub: string; cid?: number };

export function judgeRecord(
  realm: Realm,
  record: SessionRecord | null,
  token: TokenBinding,
  now: number,
): RecordVerdict {
  const { jti } = token;
  if (!record || record.realm !== realm.name) return { live: false, reason: 'missing' };
  // A token is worth only what its record says: same person, same client account.
  if (record.subject !== token.sub || record.clientId !== (token.cid ?? null)) {
    return { live: false, reason: 'mismatch' };
  }
  if (record.revokedAt !== null) return { live: false, reason: 'revoked' };
  if (now >= record.expiresAt) return { live: false, reason: 'expired' };
  if (now - record.lastSeenAt > realm.idleTtlSeconds)
    return { live: false, reason: 'idle' };
  if (!tokenIsCurrent(record, jti, now)) return { live: false, reason: 'stale-token' };

  return { live: true };
}

function tokenIsCurrent(record: SessionRecord, jti: string, now: number): boolean {
  if (record.jti === jti) return true;
  const withinGrace =
    record.rotatedAt !== null && now - record.rotatedAt <= ROTATION_GRACE_SECONDS;

  return withinGrace && record.prevJti === jti;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** How a sign-in page explains an ended session: evicted, ended elsewhere, or timed out. */
export function endedNotice(
  reason: string | null,
): 'evicted' | 'revoked' | 'timeout' | null {
  if (!reason) return null;
  if (reason === 'evicted') return 'evicted';
  if (reason === 'idle' || reason === 'expired') return 'timeout';
  if (['invalid', 'missing', 'gone', 'mismatch', 'signout'].includes(reason)) return null;

  return 'revoked';
}
