import 'server-only';
import { cache } from 'react';
import { forbidden, redirect } from 'next/navigation';
import { readSessionCookie } from '@/lib/auth/cookies';
import { REALMS } from '@/lib/auth/realm';
import { endedNotice, judgeRecord, nowSeconds } from '@/lib/auth/session-record';
import { verifyCustomerToken } from '@/lib/auth/token';
import { securityEvent } from '@/lib/auth/events';
import { store } from '@/lib/store';
import type { Permission } from '@/lib/whmcs/types';

// The data access layer's gate. proxy.ts already turned away requests without a
// valid token, but every page, route handler and server action calls a guard
// itself, and only the guard checks the session record: the proxy is never the
// only check.

export type CustomerSession = {
  sid: string;
  userId: number;
  email: string;
  clientId: number;
  isOwner: boolean;
  /** WHMCS rights of a non-owner user on this client; owners hold every right. */
  permissions: readonly Permission[];
  signedInAt: number;
};

type SessionState =
  { session: CustomerSession } | { session: null; ended: string | null };

/** Seconds between last-seen updates: idle timeouts need minutes, not every request. */
const TOUCH_EVERY = 60;

const customerState = cache(async (): Promise<SessionState> => {
  const realm = REALMS.customer;
  const claims = await verifyCustomerToken(realm, await readSessionCookie(realm));
  if (!claims) return { session: null, ended: null };

  const now = nowSeconds();
  const record = await store().sessions.get(claims.sid);
  const verdict = judgeRecord(realm, record, claims, now);
  if (!verdict.live) {
    if (verdict.reason === 'stale-token') {
      await store().sessions.revoke(claims.sid, 'reuse', now);
      securityEvent('auth.token.reused', {
        realm: realm.name,
        userId: Number(claims.sub),
      });
    }
    return { session: null, ended: record?.revokedReason ?? verdict.reason };
  }
  if (record && now - record.lastSeenAt >= TOUCH_EVERY) {
    await store().sessions.touch(claims.sid, now);
  }

  return {
    session: {
      sid: claims.sid,
      userId: Number(claims.sub),
      email: claims.email,
      clientId: claims.cid,
      isOwner: claims.own,
      permissions: claims.perm,
      signedInAt: claims.auth,
    },
  };
});

export async function currentCustomer(): Promise<CustomerSession | null> {
  return (await customerState()).session;
}

export function can(session: CustomerSession, permission: Permission): boolean {
  return session.isOwner || session.permissions.includes(permission);
}

/** Returns the signed-in customer or ends the request with a sign-in redirect or a 403. */
export async function requireCustomer(permission?: Permission): Promise<CustomerSession> {
  const state = await customerState();
  if (!state.session) {
    const notice = endedNotice(state.ended);
    redirect(notice ? `/login?ended=${notice}` : '/login');
  }
  if (permission && !can(state.session, permission)) forbidden();

  return state.session;
}
