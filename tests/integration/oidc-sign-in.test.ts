import '../support/next-cookies';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readPendingSignIn } from '@/lib/auth/picker';
import { REALMS } from '@/lib/auth/realm';
import { verifyCustomerToken } from '@/lib/auth/token';
import { store } from '@/lib/store';
import { StoreUnavailableError } from '@/lib/store/types';
import { DEMO_TOTP_SECRET } from '@/whmcs-sim/demo-accounts';
import { matchTotp, totp } from '@/whmcs-sim/oidc/totp';
import { DEMO_PASSWORD } from '@/whmcs-sim/seed';
import type { RunningSimulator } from '@/whmcs-sim/server';
import { jar } from '../support/next-cookies';
import { OidcBrowser, PORTAL } from '../support/oidc-portal';
import { loginId, openAuthorize, postForm } from '../support/oidc-sim';
import { startOidcSim } from '../support/oidc-setup';

vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());

// "Sign in with WHMCS" end to end: next-auth's core and openid-client against
// the simulator's provider, ending in the portal's own session or the picker.

let running: RunningSimulator;

beforeAll(async () => {
  running = await startOidcSim();
});
afterAll(() => running.close());
beforeEach(() => {
  jar.clear();
  running.sim.oidc.totpSteps.clear();
});

const session = () =>
  verifyCustomerToken(REALMS.customer, jar.get(REALMS.customer.cookieBase)?.value);
const nextAuthSession = (names: Iterable<string>) =>
  [...names].filter((n) => /next-auth\.session-token/.test(n));

describe('Sign in with WHMCS', () => {
  it('signs alice in with a portal session and lands on the requested page', async () => {
    const browser = new OidcBrowser();
    const back = await browser.authorize(
      running.url,
      'alice@kraken.example',
      DEMO_PASSWORD,
      '/invoices?status=Unpaid',
    );

    const answer = await browser.callback(back);

    expect(answer.redirect).toBe('/invoices?status=Unpaid');
    expect(await session()).toMatchObject({ sub: '1', cid: 1, own: true });
    expect(nextAuthSession((answer.cookies ?? []).map((c) => c.name))).toEqual([]);
    expect(nextAuthSession(browser.cookies.keys())).toEqual([]);
  });

  it('makes secure@ pass a valid TOTP code; a wrong one is refused', async () => {
    const browser = new OidcBrowser();
    const page = await openAuthorize(await browser.start());
    const login = loginId(page.html);
    await postForm(running.url, {
      login,
      email: 'secure@kraken.example',
      password: DEMO_PASSWORD,
    });
    let wrong = 0;
    while (matchTotp(DEMO_TOTP_SECRET, String(wrong).padStart(6, '0')) !== null)
      wrong += 1;

    const refused = await postForm(running.url, {
      login,
      code: String(wrong).padStart(6, '0'),
    });
    const accepted = await postForm(running.url, { login, code: totp(DEMO_TOTP_SECRET) });
    const answer = await browser.callback(accepted);

    expect(refused.location).toBeNull();
    expect(answer.redirect).toBe('/dashboard');
    expect(await session()).toMatchObject({ sub: '4', cid: 4 });
  });

  it('sends sam, who has two accounts, to the picker without a session', async () => {
    const browser = new OidcBrowser();
    const back = await browser.authorize(
      running.url,
      'sam@kraken.example',
      DEMO_PASSWORD,
      '/tickets',
    );

    const answer = await browser.callback(back);

    expect(answer.redirect).toBe('/select-account');
    expect(await session()).toBeNull();
    expect(await readPendingSignIn()).toMatchObject({ userId: 2, next: '/tickets' });
  });

  it.each([
    'https://evil.example/steal',
    '//evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
  ])('lands on the dashboard when callbackUrl is %s', async (hostile) => {
    const browser = new OidcBrowser();
    const back = await browser.authorize(
      running.url,
      'alice@kraken.example',
      DEMO_PASSWORD,
      hostile,
    );

    const answer = await browser.callback(back);

    expect(answer.redirect).toBe('/dashboard');
    expect(await session()).not.toBeNull();
  });

  it('keeps a same-origin absolute callbackUrl as a path', async () => {
    const browser = new OidcBrowser();
    const back = await browser.authorize(
      running.url,
      'alice@kraken.example',
      DEMO_PASSWORD,
      `${PORTAL}/services`,
    );

    expect((await browser.callback(back)).redirect).toBe('/services');
  });

  it('sends the person back with "try again later" when the store is down', async () => {
    const browser = new OidcBrowser();
    const back = await browser.authorize(
      running.url,
      'alice@kraken.example',
      DEMO_PASSWORD,
    );
    const down = vi
      .spyOn(store().sessions, 'create')
      .mockRejectedValue(new StoreUnavailableError('Store sessions.create failed: down'));

    const answer = await browser.callback(back).finally(() => down.mockRestore());

    expect(answer.redirect).toBe('/login?error=unavailable');
    expect(await session()).toBeNull();
  });
});
