import 'server-only';
import { z } from 'zod';
import { securityEvent } from '@/lib/auth/events';
import { currentCustomer, type CustomerSession } from '@/lib/auth/guards';
import { nowSeconds } from '@/lib/auth/session-record';
import { recordLogin } from '@/lib/auth/sign-in';
import { confirmPath, markProved, stepUpSeconds } from '@/lib/portal/step-up';
import { store } from '@/lib/store';
import type { OidcRequest } from '@/lib/auth/oidc/complete';

// Step-up through "Sign in with WHMCS" (docs/security.md#customer-changes). A
// browser that already holds a live portal session and starts a WHMCS sign-in
// can only be confirming it's them (/login sends signed-in people on), so the
// start is a step-up: the request asks WHMCS for a fresh sign-in (prompt=login,
// max_age=0), and its time is noted under the session. On return the ID token
// must say the same user typed their credentials after that request and
// within the step-up window (`auth_time`); then the session itself is marked
// proved, as after the password on /account/confirm. WHMCS remembers a browser
// that signed in there and would otherwise send it straight back, password
// unasked: that is exactly what an unattended browser must not get.

/** OpenID Connect Core §3.1.2.1: sign in again, whatever session WHMCS holds. */
export const STEP_UP_PARAMS = { prompt: 'login', max_age: 0 } as const;

/** How long a started step-up waits for WHMCS to send the browser back. */
const PENDING_SECONDS = 10 * 60;
/** Clock difference allowed between WHMCS and the portal (as for the ID token's iat/exp). */
const SKEW_SECONDS = 10;

const pendingName = (sid: string) => `step-up:whmcs:${sid}`;

/**
 * At the start of a WHMCS sign-in: true, with the request's time noted, when
 * the browser holds a live session (the sign-in is a step-up).
 */
export async function beginWhmcsStepUp(): Promise<boolean> {
  const session = await currentCustomer();
  if (!session) return false;
  await store().counters.remember(
    pendingName(session.sid),
    String(nowSeconds()),
    PENDING_SECONDS,
  );

  return true;
}

export type StepUpReturn = { session: CustomerSession; requestedAt: number | null };

/**
 * At WHMCS's return: the session to prove when the browser holds one, with
 * the time its step-up was asked for (null when none is pending: expired or
 * already used). Each request is good for one return.
 */
export async function takeWhmcsStepUp(): Promise<StepUpReturn | null> {
  const session = await currentCustomer();
  if (!session) return null;
  const name = pendingName(session.sid);
  const noted = Number((await store().counters.recall(name)) ?? NaN);
  if (!Number.isSafeInteger(noted)) return { session, requestedAt: null };
  await store().counters.remember(name, 'used', PENDING_SECONDS);

  return { session, requestedAt: noted };
}

/**
 * Whether `authTime` (the ID token's `auth_time`) shows a sign-in typed at
 * WHMCS after the step-up was asked for, and within the step-up window.
 */
export function signedInAfter(
  authTime: number | undefined,
  requestedAt: number,
  now = nowSeconds(),
): boolean {
  if (authTime === undefined) return false;

  return (
    authTime >= requestedAt - SKEW_SECONDS &&
    authTime <= now + SKEW_SECONDS &&
    now - authTime <= stepUpSeconds()
  );
}

/**
 * When a normal WHMCS sign-in proved who the person is, as the new session's
 * sign-in time. It also starts the step-up window, and WHMCS may have waved a
 * remembered browser through without asking: signing out and in again with
 * WHMCS must not make a stale browser fresh. So a sign-in without a recent
 * `auth_time` counts as one just past the window (the session works; its
 * first step-up action asks to confirm), and the session's 12 hours are
 * shortened by at most that window.
 */
export function creditedSignInTime(
  authTime: number | undefined,
  now = nowSeconds(),
): number {
  const pastWindow = now - stepUpSeconds() - 1;
  if (authTime === undefined || authTime > now + SKEW_SECONDS) return pastWindow;

  return Math.max(pastWindow, Math.min(authTime, now));
}

const stepUpClaims = z.object({
  sub: z.string(),
  auth_time: z.number().int().positive().optional().catch(undefined),
});

/** The path to send the browser to after WHMCS returned for a step-up. */
export async function completeWhmcsStepUp(
  profile: unknown,
  pending: StepUpReturn,
  request: OidcRequest,
): Promise<string> {
  const { session, requestedAt } = pending;
  const claims = stepUpClaims.safeParse(profile);
  const subject = String(session.userId);
  let why: string | null = null;
  if (!claims.success || claims.data.sub !== subject) why = 'other-user';
  else if (requestedAt === null) why = 'not-started';
  else if (claims.data.auth_time === undefined) why = 'no-auth-time';
  else if (!signedInAfter(claims.data.auth_time, requestedAt)) why = 'stale-auth-time';

  if (why) {
    await recordLogin(request, subject, 'failure', `step-up:whmcs-${why}`);
    securityEvent('auth.stepup.failed', {
      userId: session.userId,
      ip: request.client.ip,
      reason: `whmcs-${why}`,
    });
    return `${confirmPath(request.next)}&error=whmcs`;
  }

  await markProved(session.sid);
  await recordLogin(request, subject, 'success', 'step-up:whmcs');
  securityEvent('auth.stepup.succeeded', {
    userId: session.userId,
    ip: request.client.ip,
    via: 'whmcs',
  });
  return request.next;
}
