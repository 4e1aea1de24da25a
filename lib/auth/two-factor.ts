import 'server-only';
import { nowSeconds } from '@/lib/auth/session-record';
import { store } from '@/lib/store';

// Whether a login has two-factor authentication on, as WHMCS last said. WHMCS
// says so only when it checks the login's password (ValidateLogin's
// `twoFactorEnabled`); GetUsers does not carry it. So each time WHMCS accepts
// a user's password (sign-in, or confirming it on /account/confirm) the portal
// notes its answer for that user, and the security and confirmation pages
// offer what works for them. A wrong password teaches nothing and writes
// nothing. A login that only ever signs in with WHMCS has no note: `unknown`,
// and the pages then offer every way, saying which one is for whom.

export type TwoFactorState =
  | { state: 'on' | 'off'; /** When WHMCS said so (epoch seconds). */ at: number }
  | { state: 'unknown' };

const noteName = (userId: number) => `two-factor:${userId}`;
/** Long enough to outlive any session; a newer answer replaces it. */
const KEEP_SECONDS = 90 * 24 * 60 * 60;

/** Notes WHMCS's answer. Best effort: a store that cannot keep it costs a hint, nothing more. */
export async function noteTwoFactor(userId: number, on: boolean): Promise<void> {
  const value = `${on ? 'on' : 'off'}:${nowSeconds()}`;
  await store()
    .counters.remember(noteName(userId), value, KEEP_SECONDS)
    .catch(() => undefined);
}

export async function twoFactorState(userId: number): Promise<TwoFactorState> {
  const note = await store()
    .counters.recall(noteName(userId))
    .catch(() => null);
  const match = /^(on|off):(\d{1,12})$/.exec(note ?? '');
  if (!match) return { state: 'unknown' };

  return { state: match[1] === 'on' ? 'on' : 'off', at: Number(match[2]) };
}
