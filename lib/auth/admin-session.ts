import 'server-only';
import {
  clearSessionCookie,
  readSessionCookie,
  setSessionCookie,
} from '@/lib/auth/cookies';
import { securityEvent } from '@/lib/auth/events';
import { REALMS, ROTATION_GRACE_SECONDS } from '@/lib/auth/realm';
import { judgeRecord, newSessionRecord, nowSeconds } from '@/lib/auth/session-record';
import { signToken, verifyToken, type AdminClaims } from '@/lib/auth/token';
import type { StaffAccount } from '@/lib/env-admin';
import { store } from '@/lib/store';

// Staff sessions: the same token + record mechanism as customers, under the
// admin realm's keys, cookie, lifetimes and cap (lib/auth/realm.ts).

export type ClientContext = { ip: string; userAgent: string };

/**
 * A brand-new session (new sid) for a staff member who just gave password and
 * TOTP code; its cookie replaces whatever the browser had. Past the cap of two,
 * the oldest of their sessions ends ('evicted'). Returns how many did.
 */
export async function startAdminSession(
  account: StaffAccount,
  client: ClientContext,
  now = nowSeconds(),
): Promise<number> {
  const realm = REALMS.admin;
  const record = newSessionRecord(realm, {
    subject: account.username,
    clientId: null,
    authAt: now,
    ...client,
  });
  const evicted = await store().sessions.create(record, realm.sessionCap);
  if (evicted.length > 0) {
    securityEvent('auth.session.revoked', {
      realm: 'admin',
      username: account.username,
      reason: 'evicted',
      count: evicted.length,
    });
  }

  const { token, expiresAt } = await signToken(
    realm,
    {
      sub: account.username,
      sid: record.sid,
      jti: record.jti,
      role: account.role,
      auth: now,
      mfa: now,
    },
    now * 1000,
  );
  await setSessionCookie(realm, token, expiresAt);

  return evicted.length;
}

export async function endAdminSession(sid: string | null, reason = 'signout') {
  if (sid) await store().sessions.revoke(sid, reason, nowSeconds());
  await clearSessionCookie(REALMS.admin);
}

/**
 * Step-up: the TOTP code was entered again, so this browser's token is
 * re-issued (new jti, rotated in the record) with a fresh `mfa` time. False
 * when the session is not live any more or a parallel request rotated it first.
 */
export async function renewSecondFactor(now = nowSeconds()): Promise<boolean> {
  const realm = REALMS.admin;
  const claims = await verifyToken(realm, await readSessionCookie(realm), now * 1000);
  if (!claims) return false;
  const record = await store().sessions.get(claims.sid);
  if (!judgeRecord(realm, record, claims, now).live) return false;

  const jti = crypto.randomUUID();
  const outcome = await store().sessions.rotate(
    claims.sid,
    claims.jti,
    jti,
    now,
    ROTATION_GRACE_SECONDS,
  );
  if (outcome !== 'rotated') return false;

  const { exp: _exp, iat: _iat, ...rest }: AdminClaims = claims;
  const { token, expiresAt } = await signToken(
    realm,
    { ...rest, jti, mfa: now },
    now * 1000,
  );
  await setSessionCookie(realm, token, expiresAt);

  return true;
}
