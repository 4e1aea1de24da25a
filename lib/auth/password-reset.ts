import 'server-only';
import { z } from 'zod';
import { securityEvent } from '@/lib/auth/events';
import { accountKey, checkSignInLimits } from '@/lib/auth/limits';
import type { ClientContext } from '@/lib/auth/session';
import { WhmcsError } from '@/lib/whmcs/errors';
import { requestPasswordReset } from '@/lib/whmcs/users';

// "Forgot your password?": WHMCS emails the user a link to choose a new one
// (ResetPassword). The answer is the same whether or not the address has a
// login, so the form cannot be used to find out who has an account; it counts
// against the sign-in limits (per address and per account, under a step of its
// own), which also stops it being used to flood someone's inbox.

export const resetInput = z
  .object({ email: z.string().trim().max(254).pipe(z.email()) })
  .strict();

export const RESET_MESSAGES = {
  sent:
    'If that email address belongs to a login, we have sent it a link to choose a new ' +
    'password. The email comes from our billing system; check your spam folder if it ' +
    'does not arrive within a few minutes.',
  input: 'Enter the email address you sign in with, like name@example.com.',
  unavailable:
    'We could not send a reset email right now. Please try again in a few minutes.',
  limited: 'Too many reset requests. Please wait a few minutes and try again.',
} as const;

export type ResetAnswer =
  | { kind: 'answered'; notice: 'sent' | 'input' | 'unavailable' }
  | { kind: 'limited'; retryAfter: number };

/** Throws StoreUnavailableError when the limits cannot be counted (fail closed). */
export async function requestReset(
  email: string,
  client: ClientContext,
): Promise<ResetAnswer> {
  const account = accountKey(email);
  const limits = await checkSignInLimits('customer', client.ip, account, 'reset');
  if (!limits.allowed) {
    securityEvent('auth.reset.rate_limited', { ip: client.ip, account });
    return { kind: 'limited', retryAfter: limits.retryAfter };
  }

  let outcome: Awaited<ReturnType<typeof requestPasswordReset>> | 'error';
  try {
    outcome = await requestPasswordReset(email);
  } catch (error) {
    if (!(error instanceof WhmcsError)) throw error;
    outcome = 'error';
  }
  securityEvent('auth.reset.requested', { ip: client.ip, account, outcome });

  // A known and an unknown address read the same; only WHMCS refusing the
  // address itself, or not answering, says something else.
  if (outcome === 'invalid') return { kind: 'answered', notice: 'input' };
  if (outcome === 'error') return { kind: 'answered', notice: 'unavailable' };
  return { kind: 'answered', notice: 'sent' };
}
