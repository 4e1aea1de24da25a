'use server';

import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { securityEvent } from '@/lib/auth/events';
import { noteTwoFactor } from '@/lib/auth/two-factor';
import { requireCustomer } from '@/lib/auth/guards';
import { accountKey, checkSignInLimits } from '@/lib/auth/limits';
import { safeNext } from '@/lib/auth/redirect';
import { recordLogin } from '@/lib/auth/sign-in';
import { clientContext } from '@/lib/security/client-ip';
import { WhmcsError } from '@/lib/whmcs/errors';
import { validateLogin } from '@/lib/whmcs/users';
import { markProved } from '@/lib/portal/step-up';
import { withConfirmed } from '@/lib/portal/step-up-return';

// Step-up by password: the signed-in customer types their password again and
// WHMCS checks it (ValidateLogin) for the same user. Each try counts against
// the very per-account and per-address limits of the sign-in form, not limits
// of its own: a second counter would give someone holding a stolen session
// another full set of guesses at the password. Each try is in the sign-in
// history. A two-factor user cannot step up with a password alone: they sign
// in with WHMCS again instead.

export type ConfirmState = { error: string | null };

const input = z
  .object({ password: z.string().min(1).max(512), next: z.string().max(2048) })
  .strict();

const CONFIRM_MESSAGES = {
  input: 'Enter your password.',
  invalid: 'That password is not right. Please try again.',
  twoFactor:
    'Your login uses two-factor authentication, so please confirm with "Sign in with WHMCS".',
  limited: 'Too many attempts. Please wait a few minutes and try again.',
  unavailable:
    'We cannot check your password right now. Please try again in a few minutes.',
} as const;

export async function confirmPassword(
  _previous: ConfirmState,
  form: FormData,
): Promise<ConfirmState> {
  const session = await requireCustomer();
  const parsed = input.safeParse({
    password: form.get('password') ?? undefined,
    next: form.get('next') ?? '',
  });
  if (!parsed.success) return { error: CONFIRM_MESSAGES.input };

  const client = clientContext(await headers());
  const account = accountKey(session.email);
  const limits = await checkSignInLimits('customer', client.ip, account).catch(
    () => null,
  );
  if (!limits) return { error: CONFIRM_MESSAGES.unavailable };
  if (!limits.allowed) return { error: CONFIRM_MESSAGES.limited };

  const subject = String(session.userId);
  let verdict: keyof typeof CONFIRM_MESSAGES | 'ok';
  try {
    const check = await validateLogin(session.email, parsed.data.password);
    if (check.ok && check.userId === session.userId)
      await noteTwoFactor(session.userId, check.twoFactor);
    verdict =
      !check.ok || check.userId !== session.userId
        ? 'invalid'
        : check.twoFactor
          ? 'twoFactor'
          : 'ok';
  } catch (error) {
    if (!(error instanceof WhmcsError)) throw error;
    return { error: CONFIRM_MESSAGES.unavailable };
  }

  await recordLogin(
    { client },
    subject,
    verdict === 'ok' ? 'success' : 'failure',
    `step-up:${verdict}`,
  );
  if (verdict !== 'ok') {
    securityEvent('auth.stepup.failed', {
      userId: session.userId,
      ip: client.ip,
      reason: verdict,
    });
    return { error: CONFIRM_MESSAGES[verdict] };
  }

  await markProved(session.sid);
  securityEvent('auth.stepup.succeeded', { userId: session.userId, ip: client.ip });
  // Back where they came from, told to press the button again.
  redirect(withConfirmed(safeNext(parsed.data.next)));
}
