import '../support/next-cookies';
import { SignJWT } from 'jose';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { requireAdmin, requireRecentAuth } from '@/lib/auth/admin-guards';
import { cookieName, ISSUER, REALMS } from '@/lib/auth/realm';
import { startCustomerSession } from '@/lib/auth/session';
import { verifyToken } from '@/lib/auth/token';
import { store } from '@/lib/store';
import {
  ADMIN_COOKIE,
  cookieValue,
  resetBrowser,
  resetStore,
  signInStaff,
} from '../support/admin';
import { jar } from '../support/next-cookies';
import { configureStaff } from '../support/staff';

// requireAdmin(permission) checks the token, the record and the account as
// configured now; requireRecentAuth asks for the code again when it is stale.

process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

beforeAll(() => configureStaff());
beforeEach(() => {
  resetStore();
  resetBrowser();
});
afterEach(() => vi.useRealTimers());

/** Where a guard sent the request: a redirect's target, or 'forbidden'. */
async function interrupted(work: Promise<unknown>): Promise<string> {
  const error: unknown = await work.then(
    () => null,
    (e: unknown) => e,
  );
  const digest = (error as { digest?: string } | null)?.digest ?? '';
  if (digest === 'NEXT_HTTP_ERROR_FALLBACK;403') return 'forbidden';
  expect(digest).toMatch(/^NEXT_REDIRECT/);

  return digest.split(';')[2] ?? '';
}

describe('requireAdmin', () => {
  it('lets an owner revoke sessions and refuses a readonly role', async () => {
    await signInStaff('olivia');
    const owner = await requireAdmin('sessions:revoke');
    resetBrowser();
    await signInStaff('rita');

    const readonly = await interrupted(requireAdmin('sessions:revoke'));

    expect(owner.username).toBe('olivia');
    expect(readonly).toBe('forbidden');
    expect((await requireAdmin('audit:view')).role).toBe('readonly');
  });

  it('sends a request without a staff session to the staff sign-in', async () => {
    expect(await interrupted(requireAdmin('stats:view'))).toBe('/admin/login');
  });

  it('refuses a customer token in the staff cookie', async () => {
    await startCustomerSession(
      {
        userId: 7,
        email: 'u@kraken.example',
        account: { clientId: 1, isOwner: true },
        authAt: Math.floor(Date.now() / 1000),
      },
      { ip: '192.0.2.1', userAgent: 'test' },
    );
    const customerToken = jar.get(cookieName(REALMS.customer))?.value ?? '';
    jar.set(ADMIN_COOKIE, { value: customerToken, options: {} });

    expect(await interrupted(requireAdmin('stats:view'))).toBe('/admin/login');
  });

  it('ends a session whose token claims a role the account does not have', async () => {
    const token = await signInStaff('rita');
    const claims = await verifyToken(REALMS.admin, token);
    const { sub, jti, exp: _e, ...rest } = claims ?? ({} as never);
    const promoted = await new SignJWT({ ...rest, role: 'owner' })
      .setProtectedHeader({ alg: 'HS256', typ: 'admin+jwt' })
      .setSubject(sub)
      .setJti(jti)
      .setIssuer(ISSUER)
      .setAudience(REALMS.admin.audience)
      .setExpirationTime(rest.iat + 300)
      .sign(REALMS.admin.secret());
    jar.set(ADMIN_COOKIE, { value: promoted, options: {} });

    expect(await interrupted(requireAdmin('sessions:revoke'))).toBe('/admin/login');
    expect((await store().sessions.get(rest.sid))?.revokedReason).toBe('account-changed');
  });

  it('refuses a token whose session record was revoked', async () => {
    const token = await signInStaff('olivia');
    const sid = (await verifyToken(REALMS.admin, token))?.sid ?? '';

    await store().sessions.revoke(sid, 'admin', Math.floor(Date.now() / 1000));

    expect(await interrupted(requireAdmin('stats:view'))).toBe('/admin/login');
    expect(cookieValue(ADMIN_COOKIE)).toBe(token);
  });
});

describe('requireRecentAuth', () => {
  it('passes within five minutes of the code and asks for it again after', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await signInStaff('olivia');
    const session = await requireAdmin('sessions:revoke');
    const fresh = () => requireRecentAuth(session, 300, '/admin/security');

    expect(fresh).not.toThrow();
    vi.setSystemTime(Date.now() + 301_000);
    expect(await interrupted(Promise.resolve().then(fresh))).toBe(
      '/admin/reauth?next=%2Fadmin%2Fsecurity',
    );
  });
});
