import 'server-only';
import { z } from 'zod';
import { securityEvent } from '@/lib/auth/events';
import { savePendingSignIn } from '@/lib/auth/picker';
import { startCustomerSession, type ClientContext } from '@/lib/auth/session';
import { recordLogin } from '@/lib/auth/sign-in';
import { log } from '@/lib/log';
import { StoreUnavailableError } from '@/lib/store/types';
import { WhmcsError } from '@/lib/whmcs/errors';
import { findUser } from '@/lib/whmcs/users';
import {
  completeWhmcsStepUp,
  creditedSignInTime,
  takeWhmcsStepUp,
} from '@/lib/auth/oidc/step-up';

// The end of "Sign in with WHMCS": next-auth has checked the ID token (state,
// nonce, signature, issuer, audience, expiry). Here its subject becomes the
// portal's own session, exactly as after a password: same token, same record,
// same limits. A browser that already holds a session was confirming it's
// them (step-up.ts): that session is proved instead. The answer is the path to
// send the browser to, so next-auth never creates a session of its own.

export type OidcRequest = {
  /** The validated same-origin path to land on; redirect() in options.ts fills it. */
  next: string;
  client: ClientContext;
  /** Set when the sign-in starts from a live session: WHMCS must ask again. */
  stepUp?: boolean;
};

export const LOGIN_FAILED = {
  whmcs: '/login?error=whmcs',
  noAccounts: '/login?error=noAccounts',
  unavailable: '/login?error=unavailable',
} as const;

// The `error` values that bring a person back to /login after "Sign in with
// WHMCS" went wrong: next-auth's own codes and the portal's `whmcs` above
// (noAccounts and unavailable have messages of their own on the form).
const FAILURES = new Set([
  'whmcs',
  'OAuthSignin',
  'OAuthCallback',
  'Callback',
  'AccessDenied',
  'Configuration',
  'Default',
]);

export function whmcsSignInFailed(error: unknown): boolean {
  return typeof error === 'string' && FAILURES.has(error);
}

const idClaims = z.object({
  iss: z.string(),
  sub: z.string().regex(/^[1-9]\d{0,9}$/),
  email: z.email().max(254),
  // Malformed counts as missing: the sign-in then earns no step-up credit.
  auth_time: z.number().int().positive().optional().catch(undefined),
});

export async function completeWhmcsSignIn(
  profile: unknown,
  issuer: string,
  request: OidcRequest,
): Promise<string> {
  const claims = idClaims.safeParse(profile);
  if (!claims.success || claims.data.iss !== issuer)
    return refuse(request, null, 'claims-invalid', 'whmcs');

  try {
    const stepUp = await takeWhmcsStepUp();
    if (stepUp) return await completeWhmcsStepUp(profile, stepUp, request);
    const authAt = creditedSignInTime(claims.data.auth_time);
    return await signInAs(claims.data.sub, claims.data.email, authAt, request);
  } catch (error) {
    // next-auth would put a thrown error's message in the redirect URL.
    if (error instanceof WhmcsError)
      securityEvent('auth.login.error', { kind: error.kind, action: error.action });
    else if (!(error instanceof StoreUnavailableError)) {
      log().error({ event: 'auth.oidc.sign_in_failed', error: String(error) });
      return LOGIN_FAILED.whmcs;
    }
    return LOGIN_FAILED.unavailable;
  }
}

async function signInAs(
  sub: string,
  email: string,
  /** From the ID token's auth_time, never later than now (creditedSignInTime). */
  authAt: number,
  request: OidcRequest,
) {
  // WHMCS's `sub` is the user id; the email must belong to that same user.
  const user = await findUser(email, Number(sub));
  if (!user) return refuse(request, sub, 'user-mismatch', 'whmcs');
  const [only, ...others] = user.clients;
  if (!only) return refuse(request, sub, 'no-accounts', 'noAccounts');

  if (others.length > 0) {
    const { id: userId, clients } = user;
    await savePendingSignIn({
      userId,
      email: user.email,
      clients,
      next: request.next,
      authAt,
    });
    return '/select-account';
  }

  await startCustomerSession(
    { userId: user.id, email: user.email, account: only, authAt },
    request.client,
  );
  await recordLogin(request, sub, 'success', 'whmcs');
  securityEvent('auth.login.succeeded', {
    userId: user.id,
    clientId: only.clientId,
    ip: request.client.ip,
    via: 'whmcs',
  });

  return request.next;
}

async function refuse(
  request: OidcRequest,
  subject: string | null,
  why: string,
  shown: keyof typeof LOGIN_FAILED,
): Promise<string> {
  if (subject) await recordLogin(request, subject, 'failure', `whmcs:${why}`);
  securityEvent('auth.login.failed', { reason: `whmcs:${why}`, ip: request.client.ip });

  return LOGIN_FAILED[shown];
}
