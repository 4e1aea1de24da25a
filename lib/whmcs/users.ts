import 'server-only';
import { cache } from 'react';
import { WhmcsNotFoundError, WhmcsRefusedError } from '@/lib/whmcs/errors';
import { schemas } from '@/lib/whmcs/schemas';
import { assertClientId, assertId } from '@/lib/whmcs/scope';
import { call } from '@/lib/whmcs/transport';
import type { LoginCheck, Permission, PortalUser } from '@/lib/whmcs/types';

// Logins. ValidateLogin is never cached or retried: every call is a real
// sign-in attempt on the WHMCS side.

const WRONG_CREDENTIALS = /email or password invalid/i;

/**
 * Checks an email and password with WHMCS. Wrong credentials are `{ok:false}`;
 * a malformed success throws WhmcsInvalidError, and the caller denies.
 */
export async function validateLogin(
  email: string,
  password: string,
): Promise<LoginCheck> {
  try {
    const answer = await call(
      'ValidateLogin',
      { email, password2: password },
      schemas.ValidateLogin,
    );
    return { ok: true, userId: answer.userId, twoFactor: answer.twoFactor };
  } catch (error) {
    const message = error instanceof WhmcsRefusedError ? (error.whmcsMessage ?? '') : '';
    if (WRONG_CREDENTIALS.test(message)) return { ok: false };
    throw error;
  }
}

// GetUsers `search` matches parts of names and addresses; one page wide
// enough that the exact address is not pushed off it.
const SEARCH_PAGE = 100;

/** The user with this id and this email (any case), or null. */
export const findUser = cache(
  async (email: string, userId: number): Promise<PortalUser | null> => {
    const wanted = email.toLowerCase();
    const users = await call(
      'GetUsers',
      { search: email, limitnum: SEARCH_PAGE },
      schemas.GetUsers,
    );

    return users.find((u) => u.id === userId && u.email.toLowerCase() === wanted) ?? null;
  },
);

/** What a non-owner user may do on a client account; nothing unless WHMCS says so. */
export const getUserPermissions = cache(
  async (userId: number, clientId: number): Promise<Permission[]> => {
    assertClientId(clientId);
    assertId('userId', userId);

    return call(
      'GetUserPermissions',
      { user_id: userId, client_id: clientId },
      schemas.GetUserPermissions,
    );
  },
);

export type ResetOutcome = 'sent' | 'unknown' | 'invalid';

/**
 * Asks WHMCS to email a password reset link to the user with this login
 * email (ResetPassword, never retried). `unknown`: no such user; `invalid`:
 * WHMCS did not take the address. Callers must answer `sent` and `unknown`
 * alike, or the form would tell who has an account.
 */
export async function requestPasswordReset(email: string): Promise<ResetOutcome> {
  try {
    await call('ResetPassword', { email }, schemas.ResetPassword);
    return 'sent';
  } catch (error) {
    if (error instanceof WhmcsNotFoundError) return 'unknown';
    if (error instanceof WhmcsRefusedError) return 'invalid';
    throw error;
  }
}
