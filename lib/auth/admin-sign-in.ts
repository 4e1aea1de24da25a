import 'server-only';
import { z } from 'zod';
import { saveAdminStep } from '@/lib/auth/admin-step';
import { securityEvent } from '@/lib/auth/events';
import { accountKey, checkSignInLimits } from '@/lib/auth/limits';
import { nowSeconds } from '@/lib/auth/session-record';
import { checkStaffPassword, findStaff, normalizeUsername } from '@/lib/auth/staff';
import { audited } from '@/lib/security/audit';
import { store } from '@/lib/store';

// Staff sign-in, step 1: username and password. Every failure reads the same
// (unknown name or wrong password: same answer, same work, same time); success
// only earns the sealed note that opens step 2, the TOTP code (admin-code.ts).

export const passwordInput = z
  .object({ username: z.string().min(1).max(128), password: z.string().min(1).max(512) })
  .strict();

export const ADMIN_SIGN_IN_MESSAGES = {
  input: 'Enter your username and password.',
  invalid: 'The username or password is incorrect.',
  code: 'That code is not right. Enter the current code from your authenticator app.',
  expired: 'Your sign-in took too long or was already finished. Please start again.',
  limited: 'Too many sign-in attempts. Please wait a few minutes and try again.',
  unavailable:
    'Signing in is temporarily unavailable. Please try again in a few minutes.',
} as const;

export type AdminSignInFailure = keyof typeof ADMIN_SIGN_IN_MESSAGES;

export type StepResult =
  | { kind: 'next'; location: string }
  | { kind: 'limited'; retryAfter: number }
  | { kind: 'failed'; reason: AdminSignInFailure };

export type ClientContext = { ip: string; userAgent: string };

/** The hashed name the limits, history and alerts use for a typed username. */
export function staffKey(username: string): string {
  return accountKey(`staff:${normalizeUsername(username)}`);
}

export async function passwordStep(
  input: z.infer<typeof passwordInput>,
  client: ClientContext,
): Promise<StepResult> {
  const username = normalizeUsername(input.username);
  const account = staffKey(username);
  const limits = await checkSignInLimits('admin', client.ip, account);
  if (!limits.allowed) {
    securityEvent('auth.login.rate_limited', { realm: 'admin', ip: client.ip, account });
    return { kind: 'limited', retryAfter: limits.retryAfter };
  }

  // A typed name that is no account is never stored: it may be a password typed
  // into the wrong field. Its hashed key links the attempts instead.
  const known = findStaff(username) !== null;
  const who = { actor: known ? username : 'unknown', ip: client.ip };
  const staff = await audited(
    who,
    'admin.signin.password',
    `staff:${who.actor}`,
    () => checkStaffPassword(username, input.password),
    { detail: { account }, judge: (found) => (found ? 'success' : 'failure') },
  );
  if (!staff) {
    const subject = known ? username : `unknown:${account}`;
    return failed(client, subject, account, 'bad-credentials', 'invalid');
  }

  await saveAdminStep(staff.username, nowSeconds());
  return { kind: 'next', location: '/admin/login/totp' };
}

/** One failed staff sign-in: history, the event the alert rules watch, the answer. */
export async function failed(
  client: ClientContext,
  subject: string,
  account: string,
  why: string,
  reason: AdminSignInFailure,
): Promise<StepResult> {
  await recordStaffLogin(client, subject, 'failure', why);
  securityEvent('auth.admin.login.failed', { reason: why, ip: client.ip, account });

  return { kind: 'failed', reason };
}

export async function recordStaffLogin(
  client: ClientContext,
  subject: string,
  outcome: 'success' | 'failure',
  reason: string,
): Promise<void> {
  await store().logins.add({
    at: nowSeconds(),
    realm: 'admin',
    subject,
    outcome,
    reason,
    ip: client.ip,
    userAgent: client.userAgent.slice(0, 256),
  });
}
