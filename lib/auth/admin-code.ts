import 'server-only';
import { z } from 'zod';
import type { AdminSession } from '@/lib/auth/admin-guards';
import { renewSecondFactor, startAdminSession } from '@/lib/auth/admin-session';
import {
  failed,
  recordStaffLogin,
  staffKey,
  type ClientContext,
  type StepResult,
} from '@/lib/auth/admin-sign-in';
import { claimAdminStep, clearAdminStep, type AdminStep } from '@/lib/auth/admin-step';
import { securityEvent } from '@/lib/auth/events';
import { checkSignInLimits } from '@/lib/auth/limits';
import { findStaff } from '@/lib/auth/staff';
import { matchTotp, TOTP_STEP_SECONDS } from '@/lib/auth/totp';
import type { StaffAccount } from '@/lib/env-admin';
import { audited } from '@/lib/security/audit';
import { store } from '@/lib/store';

// Staff sign-in, step 2 (and step-up): the six-digit TOTP code. A code counts
// within one 30-second step of drift and only once per person (RFC 6238 §5.2);
// code attempts have their own limits, as tight as the password's.

export const codeInput = z
  .object({
    code: z
      .string()
      .transform((v) => v.replace(/\s/g, ''))
      .pipe(z.string().regex(/^\d{6}$/)),
  })
  .strict();

/** A code is accepted up to 90 s after its step began (drift window), so this outlives it. */
const CODE_CLAIM_SECONDS = 4 * TOTP_STEP_SECONDS;

async function codeLimits(ip: string, account: string): Promise<StepResult | null> {
  const verdict = await checkSignInLimits('admin', ip, account, 'totp');
  if (verdict.allowed) return null;

  securityEvent('auth.login.rate_limited', { realm: 'admin', step: 'totp', ip, account });
  return { kind: 'limited', retryAfter: verdict.retryAfter };
}

/** True when `code` is right now for `staff` and was never used before. */
async function freshCode(
  staff: StaffAccount,
  code: string,
): Promise<'ok' | 'wrong' | 'replayed'> {
  const step = matchTotp(staff.totpSecret, code);
  if (step === null) return 'wrong';
  const first = await store().counters.claim(
    `admin-totp:${staff.username}:${step}`,
    CODE_CLAIM_SECONDS,
  );

  return first ? 'ok' : 'replayed';
}

export async function codeStep(
  pending: AdminStep,
  code: string,
  client: ClientContext,
): Promise<StepResult> {
  const account = staffKey(pending.username);
  const limited = await codeLimits(client.ip, account);
  if (limited) return limited;
  const staff = findStaff(pending.username);
  if (!staff)
    return failed(client, pending.username, account, 'account-removed', 'expired');

  const who = { actor: staff.username, ip: client.ip };
  return audited(
    who,
    'admin.signin.totp',
    `staff:${staff.username}`,
    async () => {
      const verdict = await freshCode(staff, code);
      if (verdict !== 'ok')
        return failed(client, staff.username, account, `code-${verdict}`, 'code');
      // A copy of the note (or a second tab) that already made a session makes no other.
      if (!(await claimAdminStep(pending)))
        return failed(client, staff.username, account, 'step-reused', 'expired');

      await startAdminSession(staff, client);
      await clearAdminStep();
      await recordStaffLogin(client, staff.username, 'success', 'password+totp');
      securityEvent('auth.admin.login.succeeded', {
        username: staff.username,
        ip: client.ip,
      });
      return { kind: 'next', location: '/admin' } as const;
    },
    { judge: (r) => (r.kind === 'next' ? 'success' : 'failure') },
  );
}

/** Step-up: a signed-in staff member enters the code again for a sensitive action. */
export async function reauthStep(
  session: AdminSession,
  code: string,
  client: ClientContext,
  next: string,
): Promise<StepResult> {
  const account = staffKey(session.username);
  const limited = await codeLimits(client.ip, account);
  if (limited) return limited;
  const staff = findStaff(session.username);
  if (!staff) return { kind: 'failed', reason: 'expired' };

  const who = { actor: staff.username, ip: client.ip };
  return audited(
    who,
    'admin.stepup',
    `session:${session.sid}`,
    async () => {
      const verdict = await freshCode(staff, code);
      if (verdict !== 'ok')
        return failed(client, staff.username, account, `stepup-code-${verdict}`, 'code');
      if (!(await renewSecondFactor()))
        return { kind: 'failed', reason: 'expired' } as const;

      return { kind: 'next', location: next } as const;
    },
    { judge: (r) => (r.kind === 'next' ? 'success' : 'failure') },
  );
}
