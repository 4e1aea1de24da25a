import 'server-only';
import { cookies } from 'next/headers';
import { cookieName, cookieSecure, type Realm } from '@/lib/auth/realm';

// The one place that sets or clears a session cookie; its flags live here.

/**
 * The cookie outlives its token by the realm's idle window: a token that ran
 * out while the person was reading is still renewed by the gate within that
 * window, so the browser must still send it. Past it the record has gone idle
 * and the server would end the session anyway.
 */
export function sessionCookieOptions(realm: Realm, tokenExpiresAt: number) {
  const until = tokenExpiresAt > 0 ? tokenExpiresAt + realm.idleTtlSeconds : 0;
  return {
    httpOnly: true,
    secure: cookieSecure(),
    sameSite: realm.sameSite,
    path: '/',
    expires: new Date(until * 1000),
  } as const;
}

export async function setSessionCookie(realm: Realm, token: string, expiresAt: number) {
  const jar = await cookies();
  jar.set(cookieName(realm), token, sessionCookieOptions(realm, expiresAt));
}

export async function readSessionCookie(realm: Realm): Promise<string | undefined> {
  const jar = await cookies();
  return jar.get(cookieName(realm))?.value;
}

export async function clearSessionCookie(realm: Realm) {
  const jar = await cookies();
  jar.set(cookieName(realm), '', { ...sessionCookieOptions(realm, 0), maxAge: 0 });
}

/** The email typed on the last sign-in attempt, to fill the form in again. */
export const LOGIN_HINT_COOKIE = 'kp_login_hint';

export function loginHintOptions() {
  return {
    httpOnly: true,
    secure: cookieSecure(),
    sameSite: 'strict',
    path: '/login',
    maxAge: 5 * 60,
  } as const;
}
