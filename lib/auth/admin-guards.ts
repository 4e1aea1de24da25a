import 'server-only';
import { cache } from 'react';
import { forbidden, redirect } from 'next/navigation';
import { readSessionCookie } from '@/lib/auth/cookies';
import { securityEvent } from '@/lib/auth/events';
import { roleAllows, type AdminPermission } from '@/lib/auth/admin-roles';
import { REALMS } from '@/lib/auth/realm';
import { judgeRecord, nowSeconds } from '@/lib/auth/session-record';
import { findStaff } from '@/lib/auth/staff';
import { verifyToken } from '@/lib/auth/token';
import type { StaffRole } from '@/lib/env-admin';
import { store } from '@/lib/store';

// The staff side of the data access layer's gate. proxy.ts has already turned
// away requests without a valid admin token; every admin page, route handler
// and server action still calls requireAdmin(permission), which checks the
// session record and the account as configured now (removed staff and changed
// roles lose their sessions at once).

export type AdminSession = {
  sid: string;
  username: string;
  role: StaffRole;
  /** When this session was signed in (seconds). */
  signedInAt: number;
  /** When the TOTP code was last entered: sign-in or step-up (seconds). */
  secondFactorAt: number;
};

type State = { session: AdminSession } | { session: null; ended: string | null };

const TOUCH_EVERY = 60;

const adminState = cache(async (): Promise<State> => {
  const realm = REALMS.admin;
  const claims = await verifyToken(realm, await readSessionCookie(realm));
  if (!claims) return { session: null, ended: null };

  const now = nowSeconds();
  const record = await store().sessions.get(claims.sid);
  const verdict = judgeRecord(realm, record, claims, now);
  if (!verdict.live || !record) {
    if (!verdict.live && verdict.reason === 'stale-token') {
      await store().sessions.revoke(claims.sid, 'reuse', now);
      securityEvent('auth.token.reused', { realm: 'admin', sid: claims.sid });
    }
    return { session: null, ended: record?.revokedReason ?? 'missing' };
  }
  if (record.subject !== claims.sub || findStaff(claims.sub)?.role !== claims.role) {
    await store().sessions.revoke(claims.sid, 'account-changed', now);
    return { session: null, ended: 'account-changed' };
  }
  if (now - record.lastSeenAt >= TOUCH_EVERY)
    await store().sessions.touch(claims.sid, now);

  const { sid, sub: username, role, auth: signedInAt, mfa: secondFactorAt } = claims;
  return { session: { sid, username, role, signedInAt, secondFactorAt } };
});

/** The signed-in staff member, or null; for pages that work either way (sign-in, sign-out). */
export async function currentAdmin(): Promise<AdminSession | null> {
  return (await adminState()).session;
}

export function adminCan(session: AdminSession, permission: AdminPermission): boolean {
  return roleAllows(session.role, permission);
}

/**
 * The signed-in staff member holding `permission`, or a redirect to sign-in, or
 * a 403. Only step-up, which any staff member may do, leaves the permission out.
 */
export async function requireAdmin(permission?: AdminPermission): Promise<AdminSession> {
  const state = await adminState();
  if (!state.session) {
    redirect(state.ended === 'evicted' ? '/admin/login?ended=evicted' : '/admin/login');
  }
  if (permission && !adminCan(state.session, permission)) forbidden();

  return state.session;
}

/**
 * Step-up: for actions that need the TOTP code entered within the last
 * `maxAgeSeconds`. When it is older, the person is sent to enter it again and
 * brought back to `back` (an /admin path).
 */
export function requireRecentAuth(
  session: AdminSession,
  maxAgeSeconds: number,
  back: string,
) {
  if (nowSeconds() - session.secondFactorAt <= maxAgeSeconds) return;

  redirect(`/admin/reauth?${new URLSearchParams({ next: back })}`);
}
