import 'server-only';
import { z } from 'zod';
import { log } from '@/lib/log';
import { safeNext } from '@/lib/auth/redirect';
import { savePendingSignIn } from '@/lib/auth/picker';
import { startCustomerSession } from '@/lib/auth/session';
import { WhmcsError } from '@/lib/whmcs/errors';
import { findUser, validateLogin } from '@/lib/whmcs/users';

// Email + password sign-in. WHMCS checks the password (ValidateLogin); the
// portal never stores or logs it. Every way of failing reads the same to the
// person signing in, except an outage, which says "try again later".

export const signInInput = z
  .object({
    email: z.email().max(254),
    password: z.string().min(1).max(512),
    next: z.string().max(2048).optional(),
  })
  .strict();

export const SIGN_IN_MESSAGES = {
  invalid: 'The email address or password is incorrect.',
  twoFactor:
    'This account has two-factor authentication turned on, so a password alone cannot ' +
    'sign you in here. Please use "Sign in with WHMCS", which asks for your second factor.',
  noAccounts: 'This login is not linked to any client account. Please contact support.',
  unavailable:
    'Signing in is temporarily unavailable. Please try again in a few minutes.',
} as const;

export type SignInResult =
  | { kind: 'signed-in'; next: string }
  | { kind: 'pick-account' }
  | { kind: 'failed'; message: string };

export async function signInWithPassword(
  input: z.infer<typeof signInInput>,
): Promise<SignInResult> {
  const next = safeNext(input.next);
  try {
    return await attempt(input.email, input.password, next);
  } catch (error) {
    if (!(error instanceof WhmcsError)) throw error;
    // A malformed answer from WHMCS denies: it never becomes a session.
    log().warn({ event: 'auth.login.error', kind: error.kind, action: error.action });
    return { kind: 'failed', message: SIGN_IN_MESSAGES.unavailable };
  }
}

async function attempt(
  email: string,
  password: string,
  next: string,
): Promise<SignInResult> {
  const check = await validateLogin(email, password);
  if (!check.ok) return failed('auth.login.failed', 'invalid');
  if (check.twoFactor) return failed('auth.login.two_factor_required', 'twoFactor');

  const user = await findUser(email, check.userId);
  if (!user) return failed('auth.login.user_missing', 'invalid');
  const [only, ...others] = user.clients;
  if (!only) return failed('auth.login.no_accounts', 'noAccounts');

  const authAt = Math.floor(Date.now() / 1000);
  if (others.length > 0) {
    await savePendingSignIn({
      userId: user.id,
      email: user.email,
      clients: user.clients,
      next,
      authAt,
    });
    log().info({ event: 'auth.login.pick_account', userId: user.id });
    return { kind: 'pick-account' };
  }

  await startCustomerSession({
    userId: user.id,
    email: user.email,
    account: only,
    authAt,
  });
  log().info({ event: 'auth.login.succeeded', userId: user.id, clientId: only.clientId });
  return { kind: 'signed-in', next };
}

function failed(event: string, reason: keyof typeof SIGN_IN_MESSAGES): SignInResult {
  log().info({ event, reason });
  return { kind: 'failed', message: SIGN_IN_MESSAGES[reason] };
}
