import '../support/next-cookies';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { REALMS } from '@/lib/auth/realm';
import { readPendingSignIn } from '@/lib/auth/picker';
import type { TamperMode } from '@/whmcs-sim/oidc/config';
import { DEMO_PASSWORD } from '@/whmcs-sim/seed';
import type { RunningSimulator } from '@/whmcs-sim/server';
import { clearLines, events } from '../support/log-capture';
import { jar } from '../support/next-cookies';
import { OidcBrowser, PORTAL, type Internal } from '../support/oidc-portal';
import { startOidcSim } from '../support/oidc-setup';

vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());

// Attacks on "Sign in with WHMCS". Each one must end without a portal session
// and without the account-picker seal, for the reason the attack targets (read
// from the log line next-auth's error produced).

let running: RunningSimulator;

beforeAll(async () => {
  running = await startOidcSim();
});
afterAll(() => running.close());
beforeEach(() => {
  jar.clear();
  clearLines();
  running.sim.oidc.tamper = 'none';
});

// next-auth's failure redirect (OAuthCallback for a bad answer, Callback for an error one).
const REFUSED = new RegExp(`^${PORTAL}/api/auth/error\\?error=(OAuth)?Callback$`);

async function expectRefused(answer: Internal, reason: RegExp) {
  expect(answer.redirect).toMatch(REFUSED);
  expect(jar.has(REALMS.customer.cookieBase)).toBe(false);
  expect(await readPendingSignIn()).toBeNull();
  const reasons = events('auth.oidc.error').map((e) => String(e.reason));
  expect(reasons.length).toBeGreaterThan(0);
  for (const logged of reasons) expect(logged).toMatch(reason);
  expect(events('auth.login.failed')).toEqual([
    expect.objectContaining({ reason: 'whmcs:callback', ip: '127.0.0.1' }),
  ]);
}

async function aliceBack(browser = new OidcBrowser()) {
  return browser.authorize(running.url, 'alice@kraken.example', DEMO_PASSWORD);
}

describe('Sign in with WHMCS refuses', () => {
  it('a callback whose state was tampered with', async () => {
    const browser = new OidcBrowser();
    const back = await aliceBack(browser);
    const location = new URL(back.location ?? '');
    location.searchParams.set('state', 'forged-state');

    const answer = await browser.callback({ ...back, location: location.toString() });

    await expectRefused(answer, /state mismatch/);
  });

  it('a callback arriving in a browser that never started the sign-in', async () => {
    const back = await aliceBack();

    const answer = await new OidcBrowser().callback(back);

    await expectRefused(answer, /state cookie was missing/i);
  });

  const tokenAttacks: [string, TamperMode, RegExp][] = [
    ['a wrong nonce', 'wrong-nonce', /nonce mismatch/],
    [
      'an ID token signed by a foreign key',
      'foreign-key',
      /failed to validate JWT signature/,
    ],
    ['an expired ID token', 'expired', /JWT expired/],
    ['an ID token from another issuer', 'wrong-issuer', /unexpected iss value/],
    ['an ID token for another audience', 'wrong-audience', /aud mismatch/],
    ['an unsigned (alg none) ID token', 'alg-none', /unexpected JWT alg received/],
  ];

  it.each(tokenAttacks)('%s', async (_name, mode, reason) => {
    const browser = new OidcBrowser();
    const back = await aliceBack(browser);
    running.sim.oidc.tamper = mode;

    const answer = await browser.callback(back);

    await expectRefused(answer, reason);
  });

  it('a replayed callback: the code works once', async () => {
    const browser = new OidcBrowser();
    const back = await aliceBack(browser);
    const before = new Map(browser.cookies);
    expect((await browser.callback(back)).redirect).toBe('/dashboard');
    jar.clear();
    clearLines();
    for (const [name, value] of before) browser.cookies.set(name, value);

    const replay = await browser.callback(back);

    await expectRefused(replay, /invalid_grant/);
  });

  it('an ID token whose subject is another user than its email', async () => {
    const browser = new OidcBrowser();
    const back = await aliceBack(browser);
    running.sim.oidc.tamper = 'other-subject';

    const answer = await browser.callback(back);

    expect(answer.redirect).toBe('/login?error=whmcs');
    expect(jar.has(REALMS.customer.cookieBase)).toBe(false);
    expect(events('auth.login.failed')).toEqual([
      expect.objectContaining({ reason: 'whmcs:user-mismatch' }),
    ]);
  });

  it('a provider error sent back instead of a code', async () => {
    const browser = new OidcBrowser();
    const back = await aliceBack(browser);
    const state = new URL(back.location ?? '').searchParams.get('state') ?? '';
    const location = `${PORTAL}/api/auth/callback/whmcs?error=access_denied&state=${state}`;

    const answer = await browser.callback({ ...back, location });

    await expectRefused(answer, /access_denied/);
  });
});
