import 'server-only';
import { z } from 'zod';
import { securityEvent } from '@/lib/auth/events';
import { accountKey, checkSignInLimits } from '@/lib/auth/limits';
import { savePendingSignIn } from '@/lib/auth/picker';
import { safeNext } from '@/lib/auth/redirect';
import { startCustomerSession, type ClientContext } from '@/lib/auth/session';
import { nowSeconds } from '@/lib/auth/session-record';
import { store } from '@/lib/store';
import { noteTwoFactor } from '@/lib/auth/two-factor';
import { WhmcsError } from '@/lib/whmcs/errors';
import { findUser, validateLogin } from '@/lib/whmcs/users';

// Email + password sign-in. WHMCS checks the password (ValidateLogin); the
// portal never stores or logs it. Every way of failing reads the same to the
// person signing in, except an outage ("try again later") and the rate limit.

export const signInInput = z
  .object({
    email: z.email().max(254),
    password: z.string().min(1).max(512),
    next: z.string().max(2048).optional(),
  })
  .strict();

export const SIGN_IN_MESSAGES = {
  input: 'Enter your email address and password.',
  invalid: 'The email address or password is incorrect.',
  twoFactor:
    'This account has two-factor authentication turned on, so a password alone cannot ' +
    'sign you in here. Please use "Sign in with WHMCS", which asks for your second factor.',
  noAccounts: 'This login is not linked to any client account. Please contact support.',
  unavailable:
    'Signing in is temporarily unavailable. Please try again in a few minutes.',
  limited: 'Too many sign-in attempts. Please wait a few minutes and try again.',
} as const;

export type SignInFailure = keyof typeof SIGN_IN_MESSAGES;

export type SignInResult =
  | { kind: 'signed-in'; next: string }
  | { kind: 'pick-account' }
  | { kind: 'limited'; retryAfter: number }
  | { kind: 'failed'; reason: SignInFailure };

type Attempt = z.infer<typeof signInInput> & { client: ClientContext; account: string };

export async function signInWithPassword(
  input: z.infer<typeof signInInput>,
  client: ClientContext,
): Promise<SignInResult> {
  const account = accountKey(input.email);
  const limits = await checkSignInLimits('customer', client.ip, account);
  if (!limits.allowed) {
    securityEvent('auth.login.rate_limited', {
      realm: 'customer',
      ip: client.ip,
      account,
    });
    return { kind: 'limited', retryAfter: limits.retryAfter };
  }

  try {
    return await attempt({ ...input, client, account });
  } catch (error) {
    if (!(error instanceof WhmcsError)) throw error;
    // A malformed answer or an outage never becomes a session.
    securityEvent('auth.login.error', { kind: error.kind, action: error.action });
    return { kind: 'failed', reason: 'unavailable' };
  }
}

async function attempt(a: Attempt): Promise<SignInResult> {
  const check = await validateLogin(a.email, a.password);
  if (!check.ok) return failed(a, `email:${a.account}`, 'invalid', 'bad-credentials');
  const subject = String(check.userId);
  await noteTwoFactor(check.userId, check.twoFactor);
  if (check.twoFactor) return failed(a, subject, 'twoFactor', 'two-factor-required');

  const user = await findUser(a.email, check.userId);
  if (!user) return failed(a, subject, 'invalid', 'user-missing');
  const [only, ...others] = user.clients;
  if (!only) return failed(a, subject, 'noAccounts', 'no-accounts');

  const next = safeNext(a.next);
  const authAt = nowSeconds();
  if (others.length > 0) {
    await savePendingSignIn({
      userId: user.id,
      email: user.email,
      clients: user.clients,
      next,
      authAt,
    });
    return { kind: 'pick-account' };
  }

  await startCustomerSession(
    { userId: user.id, email: user.email, account: only, authAt },
    a.client,
  );
  await recordLogin(a, subject, 'success', 'password');
  securityEvent('auth.login.succeeded', {
    userId: user.id,
    clientId: only.clientId,
    ip: a.client.ip,
  });
  return { kind: 'signed-in', next };
}

async function failed(a: Attempt, subject: string, reason: SignInFailure, why: string) {
  await recordLogin(a, subject, 'failure', why);
  securityEvent('auth.login.failed', {
    reason: why,
    ip: a.client.ip,
    account: a.account,
  });
  return { kind: 'failed', reason } as const;
}

export async function recordLogin(
  a: { client: ClientContext },
  subject: string,
  outcome: 'success' | 'failure',
  reason: string,
) {
  await store().logins.add({
    at: nowSeconds(),
    realm: 'customer',
    subject,
    outcome,
    reason,
    ip: a.client.ip,
    userAgent: a.client.userAgent.slice(0, 256),
  });
}
