import { expect, test, type Page } from '@playwright/test';
import { matchTotp, totp } from '../../whmcs-sim/oidc/totp';
import { DEMO_TOTP_SECRET } from '../../whmcs-sim/demo-accounts';
import { startOidcStack, type OidcStack } from './oidc-stack';
import { PASSWORD } from './support';

// "Sign in with WHMCS" in Chromium: the button under the portal's nonce CSP,
// the simulator's page with secure@'s second factor, and what the browser holds
// afterwards: the portal's session cookie, never a next-auth one.

test.describe.configure({ mode: 'serial' });

let stack: OidcStack;
test.beforeAll(async () => {
  stack = await startOidcStack();
});
test.afterAll(() => stack.stop());
test.beforeEach(() => stack.tamper('none'));

async function startAt(page: Page, next?: string) {
  const query = next ? `?next=${encodeURIComponent(next)}` : '';
  await page.goto(`${stack.url}/login${query}`);
  await page.getByRole('button', { name: 'Sign in with WHMCS' }).click();
  await expect(page).toHaveURL(/\/oauth\/authorize\.php/);
}

async function whmcsPassword(page: Page, email: string) {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('alice signs in with WHMCS and holds only the portal session cookie', async ({
  page,
  context,
}) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
  });

  await startAt(page, '/invoices');
  await whmcsPassword(page, 'alice@kraken.example');

  await expect(page).toHaveURL(`${stack.url}/invoices`);
  const cookies = await context.cookies(stack.url);
  const session = cookies.find((c) => /kp_session$/.test(c.name));
  expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
  expect(
    cookies.map((c) => c.name).filter((n) => /next-auth\.session-token/.test(n)),
  ).toEqual([]);
  expect(cookies.map((c) => c.name)).not.toContain('next-auth.state');
  expect(await page.evaluate(() => document.cookie)).not.toMatch(
    /kp_session|session-token/,
  );
  expect(violations).toEqual([]);
});

test('secure@ must give a valid authenticator code; a wrong one is refused', async ({
  page,
}) => {
  await startAt(page);
  await whmcsPassword(page, 'secure@kraken.example');
  let wrong = 100000;
  while (matchTotp(DEMO_TOTP_SECRET, String(wrong)) !== null) wrong += 1;

  await page.getByLabel('Authentication code').fill(String(wrong));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'That code is not valid. Please try again.',
  );
  await page.getByLabel('Authentication code').fill(totp(DEMO_TOTP_SECRET));
  await page.getByRole('button', { name: 'Verify' }).click();

  await expect(page).toHaveURL(`${stack.url}/dashboard`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('sam, with two accounts, picks one after WHMCS and lands where he asked', async ({
  page,
  context,
}) => {
  await startAt(page, '/tickets');
  await whmcsPassword(page, 'sam@kraken.example');

  await expect(page).toHaveURL(`${stack.url}/select-account`);
  const names = (await context.cookies(stack.url)).map((c) => c.name);
  expect(names.some((n) => /kp_session$/.test(n))).toBe(false);
  await page.getByRole('button', { name: /Okafor Labs Ltd/ }).click();
  await expect(page).toHaveURL(`${stack.url}/tickets`);
});

test('a hostile callbackUrl lands on the dashboard', async ({ page }) => {
  await page.goto(`${stack.url}/login`);
  const authorize = await page.evaluate(async () => {
    const { csrfToken } = await (await fetch('/api/auth/csrf')).json();
    const body = new URLSearchParams({
      csrfToken,
      callbackUrl: 'https://evil.example/steal',
      json: 'true',
    });
    const answer = await fetch('/api/auth/signin/whmcs', { method: 'POST', body });
    return ((await answer.json()) as { url: string }).url;
  });
  await page.goto(authorize);
  await whmcsPassword(page, 'alice@kraken.example');

  await expect(page).toHaveURL(`${stack.url}/dashboard`);
});

test('an expired ID token ends on the sign-in page without a session', async ({
  page,
  context,
}) => {
  await startAt(page);
  await stack.tamper('expired');
  await whmcsPassword(page, 'alice@kraken.example');

  await expect(page).toHaveURL(/\/login\?/);
  await expect(
    page.getByRole('alert').filter({ hasText: 'Signing in with WHMCS did not complete' }),
  ).toBeVisible();
  const names = (await context.cookies(stack.url)).map((c) => c.name);
  expect(names.some((n) => /kp_session$|session-token/.test(n))).toBe(false);
});

test('a callback with a forged state is refused', async ({ page, context }) => {
  await page.route(`${stack.simUrl}oauth/authorize.php`, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const answer = await route.fetch({ maxRedirects: 0 });
    const back = new URL(answer.headers().location ?? stack.url);
    if (back.searchParams.has('state')) back.searchParams.set('state', 'forged');
    await route.fulfill({ status: 302, headers: { location: back.toString() } });
  });
  await startAt(page);
  await whmcsPassword(page, 'alice@kraken.example');

  await expect(page).toHaveURL(/\/login\?/);
  const names = (await context.cookies(stack.url)).map((c) => c.name);
  expect(names.some((n) => /kp_session$/.test(n))).toBe(false);
});

// Confirming it's you with WHMCS from a stale session. The simulator, like
// WHMCS, remembers the browser that signed in there a moment ago: only
// prompt=login makes it ask for the password again.
async function staleAtConfirm(page: Page) {
  await startAt(page, '/account/security');
  await whmcsPassword(page, 'alice@kraken.example');
  await expect(page).toHaveURL(`${stack.url}/account/security`);
  // Times are whole seconds: past the 3-second window whatever the rounding.
  await page.waitForTimeout(4_500);
  await page.goto(`${stack.url}/account/confirm?next=%2Faccount%2Fsecurity`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm it’s you');
  await page.getByRole('button', { name: 'Sign in with WHMCS' }).click();
  await expect(page).toHaveURL(/\/oauth\/authorize\.php/);
}

test('confirming with WHMCS makes WHMCS ask for the password again', async ({ page }) => {
  await staleAtConfirm(page);

  await expect(page.getByLabel('Password')).toBeVisible();
  await whmcsPassword(page, 'alice@kraken.example');

  await expect(page).toHaveURL(`${stack.url}/account/security?confirmed=1`);
  const history = page.getByRole('table', { name: /sign-ins/ });
  await expect(history).toContainText('confirmed with WHMCS for a sensitive change');
});

test('confirming with WHMCS is refused when the ID token shows an old sign-in', async ({
  page,
}) => {
  await staleAtConfirm(page);
  await stack.tamper('old-auth-time');
  await whmcsPassword(page, 'alice@kraken.example');

  await expect(page).toHaveURL(
    /\/account\/confirm\?next=%2Faccount%2Fsecurity%3Fconfirmed%3D1&error=whmcs$/,
  );
  await expect(
    page.getByRole('alert').filter({ hasText: 'Signing in with WHMCS did not complete' }),
  ).toBeVisible();
  await page.goto(`${stack.url}/account/confirm?next=%2Faccount%2Fsecurity`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm it’s you');
});

test('next-auth routes this flow does not use answer 404', async ({ request }) => {
  for (const path of ['session', 'providers', 'signout', 'signin/github', '_log']) {
    const answer = await request.get(`${stack.url}/api/auth/${path}`);

    expect(answer.status(), path).toBe(404);
  }
});
