import '../support/next-cookies';
import { NextRequest } from 'next/server';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cookieName, REALMS } from '@/lib/auth/realm';
import { startCustomerSession } from '@/lib/auth/session';
import { proxy } from '@/proxy';
import {
  ADMIN_COOKIE,
  cookieValue,
  postPassword,
  resetBrowser,
  resetStore,
  signInStaff,
  STEP_COOKIE,
} from '../support/admin';
import { jar } from '../support/next-cookies';
import { configureStaff } from '../support/staff';

// proxy.ts keeps the realms apart: the staff area takes an admin token and
// nothing else (not a customer token, not the half-way sign-in seal), and
// customer pages never take an admin token.

beforeAll(() => configureStaff());
beforeEach(() => {
  resetStore();
  resetBrowser();
});
afterEach(() => vi.useRealTimers());

const CUSTOMER_COOKIE = () => cookieName(REALMS.customer);

function visit(path: string, cookies: Record<string, string | undefined> = {}) {
  const cookie = Object.entries(cookies)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  return proxy(new NextRequest(`http://localhost:3000${path}`, { headers: { cookie } }));
}

const passed = (r: Response) => r.headers.get('x-middleware-next') === '1';
const location = (r: Response) =>
  new URL(r.headers.get('location') ?? '', 'http://x').pathname;

async function customerToken(): Promise<string> {
  await startCustomerSession(
    {
      userId: 7,
      email: 'alice@kraken.example',
      account: { clientId: 1, isOwner: true },
      authAt: Math.floor(Date.now() / 1000),
    },
    { ip: '192.0.2.7', userAgent: 'test' },
  );
  return jar.get(CUSTOMER_COOKIE())?.value ?? '';
}

describe('the staff area in proxy.ts', () => {
  it('lets a staff token through to /admin and its route handlers', async () => {
    const token = await signInStaff('olivia');

    for (const path of ['/admin', '/admin/security', '/api/admin/sign-out'])
      expect(passed(await visit(path, { [ADMIN_COOKIE]: token })), path).toBe(true);
  });

  it('sends a request without one to the staff sign-in with 303', async () => {
    const response = await visit('/admin/security');

    expect(response.status).toBe(303);
    expect(location(response)).toBe('/admin/login');
  });

  it('refuses a customer token, in either cookie', async () => {
    const token = await customerToken();

    const asCustomer = await visit('/admin', { [CUSTOMER_COOKIE()]: token });
    const asStaff = await visit('/admin', { [ADMIN_COOKIE]: token });

    for (const response of [asCustomer, asStaff]) {
      expect(passed(response)).toBe(false);
      expect(location(response)).toBe('/admin/login');
    }
  });

  it('refuses the sign-in seal used as a session (skipping the code)', async () => {
    await postPassword('olivia');
    const seal = cookieValue(STEP_COOKIE);

    const asSeal = await visit('/admin', { [STEP_COOKIE]: seal });
    const asToken = await visit('/admin', { [ADMIN_COOKIE]: seal });

    expect(seal).toBeTruthy();
    expect(location(asSeal)).toBe('/admin/login');
    expect(location(asToken)).toBe('/admin/login');
  });

  it('refuses a staff token after its five minutes and idle timeout', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const token = await signInStaff('olivia');
    vi.setSystemTime(Date.now() + 16 * 60_000);

    expect(location(await visit('/admin', { [ADMIN_COOKIE]: token }))).toBe(
      '/admin/login',
    );
  });

  it('renews a staff token in the second half of its life', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const token = await signInStaff('olivia');
    vi.setSystemTime(Date.now() + 3 * 60_000);

    const response = await visit('/admin', { [ADMIN_COOKIE]: token });

    expect(passed(response)).toBe(true);
    expect(response.headers.get('set-cookie')).toMatch(/^kp_admin=ey.*SameSite=strict/i);
  });

  it('leaves the staff sign-in pages and handlers open', async () => {
    for (const path of ['/admin/login', '/admin/login/totp', '/api/admin/login'])
      expect(passed(await visit(path)), path).toBe(true);
  });
});

describe('customer pages in proxy.ts', () => {
  it('never take a staff token', async () => {
    const token = await signInStaff('olivia');

    const inStaffCookie = await visit('/dashboard', { [ADMIN_COOKIE]: token });
    const inCustomerCookie = await visit('/dashboard', { [CUSTOMER_COOKIE()]: token });

    for (const response of [inStaffCookie, inCustomerCookie]) {
      expect(passed(response)).toBe(false);
      expect(location(response)).toBe('/login');
    }
  });
});
