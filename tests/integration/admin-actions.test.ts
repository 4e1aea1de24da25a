import '../support/next-cookies';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST as reauth } from '@/app/api/admin/reauth/route';
import { revokeAllSessions, revokeSession } from '@/lib/auth/admin-actions';
import { currentCustomer } from '@/lib/auth/guards';
import { refreshIfDue } from '@/lib/auth/refresh';
import { cookieName, REALMS } from '@/lib/auth/realm';
import { startCustomerSession } from '@/lib/auth/session';
import { verifyCustomerToken } from '@/lib/auth/token';
import { store } from '@/lib/store';
import { StoreUnavailableError } from '@/lib/store/types';
import {
  ADMIN_COOKIE,
  codeOf,
  cookieValue,
  form,
  resetBrowser,
  resetStore,
  signInStaff,
} from '../support/admin';
import { jar } from '../support/next-cookies';
import { configureStaff } from '../support/staff';

// Staff actions are audited before they run and do not run without their
// audit entry; revoking a customer's session from the staff view ends it.

process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

beforeAll(() => configureStaff());
beforeEach(() => {
  resetStore();
  resetBrowser();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

async function interrupted(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  const digest = (error as { digest?: string } | null)?.digest ?? '';
  if (digest === 'NEXT_HTTP_ERROR_FALLBACK;403') return 'forbidden';
  expect(digest).toMatch(/^NEXT_REDIRECT/);
  return digest.split(';')[2] ?? '';
}

/** A signed-in customer (user 7); returns their session id. */
async function customerSignedIn(): Promise<string> {
  const account = { clientId: 1, isOwner: true };
  const authAt = Math.floor(Date.now() / 1000);
  await startCustomerSession(
    { userId: 7, email: 'alice@kraken.example', account, authAt },
    { ip: '192.0.2.7', userAgent: 'Firefox' },
  );
  const token = jar.get(cookieName(REALMS.customer))?.value;
  return (await verifyCustomerToken(REALMS.customer, token))?.sid ?? '';
}

/** Moves the clock on while the staff member keeps browsing (proxy.ts renews the token). */
async function browse(minutes: number) {
  vi.setSystemTime(Date.now() + minutes * 60_000);
  const now = Math.floor(Date.now() / 1000);
  const outcome = await refreshIfDue(REALMS.admin, cookieValue(ADMIN_COOKIE), now);
  if (outcome.kind === 'rotated')
    jar.set(ADMIN_COOKIE, { value: outcome.token, options: {} });
}

const fields = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};

describe('revoking sessions from the staff view', () => {
  it("ends a customer's session, audited with who did it", async () => {
    const sid = await customerSignedIn();
    await signInStaff('olivia');

    const went = await interrupted(revokeSession(fields({ sid })));

    expect(went).toBe('/admin/security?done=session.revoke');
    expect(await currentCustomer()).toBeNull();
    const entries = await store().audit.list({ action: 'session.revoke', limit: 5 });
    expect(entries.map((e) => [e.actor, e.outcome, e.target])).toEqual([
      ['olivia', 'success', 'customer:7'],
      ['olivia', 'attempt', 'customer:7'],
    ]);
  });

  it('changes nothing when the audit store fails', async () => {
    const sid = await customerSignedIn();
    await signInStaff('olivia');
    vi.spyOn(store().audit, 'append').mockRejectedValue(
      new StoreUnavailableError('down'),
    );

    const went = await interrupted(revokeSession(fields({ sid })));

    expect(went).toBe('/admin/security?error=audit');
    expect((await currentCustomer())?.sid).toBe(sid);
  });

  it('refuses a readonly role', async () => {
    const sid = await customerSignedIn();
    await signInStaff('rita');

    expect(await interrupted(revokeSession(fields({ sid })))).toBe('forbidden');
    expect((await currentCustomer())?.sid).toBe(sid);
  });

  it('asks for the code again before ending all of a person’s sessions', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const sid = await customerSignedIn();
    await signInStaff('olivia');
    await browse(4);
    await browse(2);
    const all = fields({ realm: 'customer', subject: '7' });

    const stale = await interrupted(revokeAllSessions(all));
    const stillLive = (await store().sessions.get(sid))?.revokedAt;
    const confirmed = await reauth(
      form('/api/admin/reauth', { code: codeOf('olivia'), next: '/admin/security' }),
    );
    const after = await interrupted(revokeAllSessions(all));

    expect(stale).toBe('/admin/reauth?next=%2Fadmin%2Fsecurity');
    expect(stillLive).toBeNull();
    expect(confirmed.headers.get('location')).toBe('/admin/security');
    expect(after).toBe('/admin/security?done=session.revoke-all&count=1');
    expect((await store().sessions.get(sid))?.revokedReason).toBe('admin');
  });
});
