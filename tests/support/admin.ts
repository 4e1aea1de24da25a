import { expect } from 'vitest';
import { POST as passwordRoute } from '@/app/api/admin/login/route';
import { POST as codeRoute } from '@/app/api/admin/login/totp/route';
import { totp } from '@/lib/auth/totp';
import { jar } from './next-cookies';
import { STAFF, STAFF_PASSWORD } from './staff';

// Staff sign-in driven through its real route handlers, with next/headers'
// cookie jar mocked (tests/support/next-cookies.ts). Cookies are not __Host-
// here: tests run without Secure cookies.

export const ADMIN_COOKIE = 'kp_admin';
export const STEP_COOKIE = 'kp_admin_step';

export function form(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Request {
  return new Request(`http://localhost:3000${url}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: {
      'sec-fetch-site': 'same-origin',
      'x-forwarded-for': '198.51.100.7',
      ...headers,
    },
  });
}

export const postPassword = (
  username: string,
  password = STAFF_PASSWORD,
  headers: Record<string, string> = {},
) => passwordRoute(form('/api/admin/login', { username, password }, headers));

export const postCode = (code: string, headers: Record<string, string> = {}) =>
  codeRoute(form('/api/admin/login/totp', { code }, headers));

export function secretOf(username: string): string {
  const staff = STAFF.find((s) => s.username === username);
  if (!staff) throw new Error(`no test staff ${username}`);
  return staff.totpSecret;
}

/** The code the staff member's authenticator shows `stepsFromNow` steps away. */
export const codeOf = (username: string, stepsFromNow = 0) =>
  totp(secretOf(username), Date.now() + stepsFromNow * 30_000);

export const cookieValue = (name: string) => jar.get(name)?.value || undefined;

/** Both steps; returns the admin token the browser now holds. */
export async function signInStaff(username: string, stepsFromNow = 0): Promise<string> {
  const first = await postPassword(username);
  expect(first.headers.get('location')).toBe('/admin/login/totp');
  const second = await postCode(codeOf(username, stepsFromNow));
  expect(second.headers.get('location')).toBe('/admin');
  const token = cookieValue(ADMIN_COOKIE);
  expect(token).toBeTruthy();

  return token ?? '';
}

export function resetBrowser(): void {
  jar.clear();
}

export function resetStore(): void {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('kraken.store')];
}
