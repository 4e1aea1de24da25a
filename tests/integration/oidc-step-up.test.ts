import '../support/next-cookies';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentCustomer } from '@/lib/auth/guards';
import { cookieName, REALMS } from '@/lib/auth/realm';
import { startCustomerSession } from '@/lib/auth/session';
import { isRecentlyProved } from '@/lib/portal/step-up';
import { store } from '@/lib/store';
import { DEMO_PASSWORD } from '@/whmcs-sim/seed';
import type { RunningSimulator } from '@/whmcs-sim/server';
import { clearLines, events } from '../support/log-capture';
import { jar } from '../support/next-cookies';
import { OidcBrowser } from '../support/oidc-portal';
import { startOidcSim } from '../support/oidc-setup';
import { openAuthorize, signInAt } from '../support/oidc-sim';

vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());

// Confirming it's you with "Sign in with WHMCS", attacked from a browser that
// holds a portal session signed in an hour ago (an unattended or stolen one).
// WHMCS remembers browsers that signed in there: unless it is made to ask
// again, and the ID token proves it did, the step-up would cost no password.

let running: RunningSimulator;
const NEXT = '/domains/5';
const REFUSED = `/account/confirm?next=${encodeURIComponent(NEXT)}&error=whmcs`;
const HOUR = 3600;

beforeAll(async () => {
  running = await startOidcSim();
});
afterAll(() => running.close());
beforeEach(async () => {
  jar.clear();
  clearLines();
  running.sim.oidc.tamper = 'none';
  // Alice (WHMCS user 1, client 1), signed in to the portal an hour ago.
  await startCustomerSession(
    {
      userId: 1,
      email: 'alice@kraken.example',
      account: { clientId: 1, isOwner: true },
      authAt: Math.floor(Date.now() / 1000) - HOUR,
    },
    { ip: '192.0.2.7', userAgent: 'Firefox' },
  );
});

const session = async () => {
  const current = await currentCustomer();
  if (!current) throw new Error('no session');
  return current;
};
const sessionCookie = () => jar.get(cookieName(REALMS.customer))?.value;

/** The step-up button on /account/confirm, then the password at WHMCS; returns the portal's answer. */
async function stepUp(email = 'alice@kraken.example') {
  const browser = new OidcBrowser();
  const back = await browser.authorize(running.url, email, DEMO_PASSWORD, NEXT);
  return browser.callback(back);
}

async function expectRefused(answer: { redirect?: string }, reason: string) {
  const before = sessionCookie();
  expect(answer.redirect).toBe(REFUSED);
  expect(await isRecentlyProved(await session())).toBe(false);
  // No session of its own either: the stale one is all the browser has.
  expect(sessionCookie()).toBe(before);
  expect(events('auth.stepup.failed')).toEqual([
    expect.objectContaining({ reason: `whmcs-${reason}` }),
  ]);
  const [latest] = await store().logins.list('customer', '1', 1);
  expect(latest).toMatchObject({ outcome: 'failure', reason: `step-up:whmcs-${reason}` });
}

describe('step-up with WHMCS', () => {
  it('asks WHMCS for a fresh sign-in: prompt=login and max_age=0', async () => {
    const url = new URL(await new OidcBrowser().start(NEXT));

    expect(url.searchParams.get('prompt')).toBe('login');
    expect(url.searchParams.get('max_age')).toBe('0');
  });

  it('leaves a normal sign-in (no portal session) as it was', async () => {
    jar.clear();
    const url = new URL(await new OidcBrowser().start(NEXT));

    expect(url.searchParams.has('prompt')).toBe(false);
    expect(url.searchParams.has('max_age')).toBe(false);
  });

  it('gets the password asked again by a WHMCS that remembers the browser', async () => {
    // The browser signed in at WHMCS before: without prompt=login it would be waved through.
    const earlier = await signInAt(
      running.url,
      await openAuthorize(await new OidcBrowser().start()),
      'alice@kraken.example',
      DEMO_PASSWORD,
    );
    expect(earlier.cookie).toMatch(/^sim_oidc_session=/);

    const page = await openAuthorize(
      await new OidcBrowser().start(NEXT),
      earlier.cookie!,
    );

    expect(page.status).toBe(200);
    expect(page.html).toContain('name="password"');
  });

  it('proves this same session after a fresh sign-in at WHMCS', async () => {
    const before = sessionCookie();

    const answer = await stepUp();

    expect(answer.redirect).toBe(NEXT);
    expect(await isRecentlyProved(await session())).toBe(true);
    expect(sessionCookie()).toBe(before);
    const [latest] = await store().logins.list('customer', '1', 1);
    expect(latest).toMatchObject({ outcome: 'success', reason: 'step-up:whmcs' });
  });

  it('refuses an ID token whose auth_time is old (a WHMCS that ignored prompt=login)', async () => {
    running.sim.oidc.tamper = 'old-auth-time';

    await expectRefused(await stepUp(), 'stale-auth-time');
  });

  it('refuses an ID token without auth_time', async () => {
    running.sim.oidc.tamper = 'no-auth-time';

    await expectRefused(await stepUp(), 'no-auth-time');
  });

  it('refuses a fresh sign-in at WHMCS as somebody else', async () => {
    await expectRefused(await stepUp('sam@kraken.example'), 'other-user');
  });

  it('refuses a return for which no step-up was asked from this session', async () => {
    // Started without a session (a normal sign-in, no prompt=login), returned with one.
    jar.clear();
    const browser = new OidcBrowser();
    const back = await browser.authorize(
      running.url,
      'alice@kraken.example',
      DEMO_PASSWORD,
      NEXT,
    );
    await startCustomerSession(
      {
        userId: 1,
        email: 'alice@kraken.example',
        account: { clientId: 1, isOwner: true },
        authAt: Math.floor(Date.now() / 1000) - HOUR,
      },
      { ip: '192.0.2.7', userAgent: 'Firefox' },
    );

    await expectRefused(await browser.callback(back), 'not-started');
  });
});

// The way around the step-up: sign out, then sign in again with WHMCS, which
// waves the remembered browser through. The new session must not count as a
// fresh sign-in unless the ID token says the password was typed just now.
describe('a normal sign-in with WHMCS', () => {
  async function signInAfresh() {
    jar.clear();
    const browser = new OidcBrowser();
    const back = await browser.authorize(
      running.url,
      'alice@kraken.example',
      DEMO_PASSWORD,
      NEXT,
    );
    expect((await browser.callback(back)).redirect).toBe(NEXT);
    return session();
  }

  it('counts as a fresh sign-in when WHMCS asked for the password just now', async () => {
    expect(await isRecentlyProved(await signInAfresh())).toBe(true);
  });

  it.each(['old-auth-time', 'no-auth-time'] as const)(
    'gives a session but no step-up credit with %s',
    async (mode) => {
      running.sim.oidc.tamper = mode;

      const fresh = await signInAfresh();

      expect(await isRecentlyProved(fresh)).toBe(false);
      // Still a whole session: its 12 hours are shortened by the window at most.
      expect(Math.floor(Date.now() / 1000) - fresh.signedInAt).toBeLessThanOrEqual(602);
    },
  );
});
