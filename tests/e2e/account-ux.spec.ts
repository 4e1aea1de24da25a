import { expect, test, type Browser, type Page } from '@playwright/test';
import { totp } from '../../whmcs-sim/oidc/totp';
import { DEMO_TOTP_SECRET } from '../../whmcs-sim/demo-accounts';
import { startFaultStack, type FaultStack } from './fault-stack';
import { PASSWORD } from './support';

// The account pages as a new customer meets them, on a stack of this file's
// own with a three-second step-up window and a low per-login sign-in limit:
// the activity list in the customer's words, the two-factor state on the
// security and confirmation pages, the note after confirming, the sign-in
// limit's page, and the confirmation before "Sign out everywhere".

test.describe.configure({ mode: 'serial' });

let stack: FaultStack;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  stack = await startFaultStack({
    STEP_UP_MAX_AGE_SECONDS: '3',
    SIGN_IN_LIMIT_PER_ACCOUNT: '4',
    SIGN_IN_LIMIT_PER_IP: '100',
  });
});
test.afterAll(() => stack.stop());

async function signInWithPassword(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: stack.url });
  return context.newPage();
}

const twoFactorCard = (page: Page) =>
  page.getByRole('region', { name: 'Password and two-factor authentication' });

test('a refused sign-in lands on the sign-in page, saying when to try again', async ({
  browser,
}) => {
  const page = await newPage(browser);
  const email = 'nobody-limited@kraken.example';
  let tries = 0;
  while (tries < 8) {
    tries += 1;
    await page.goto('/login');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/login\?error=/);
    if (page.url().includes('error=limited')) break;
  }

  expect(tries).toBe(5);
  await expect(page).toHaveURL(/\/login\?error=limited&until=\d+&next=%2Fdashboard$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Sign in to your account',
  );
  await expect(page.locator('#signin-error')).toHaveText(
    /^Too many sign-in attempts\. You can try again in about \d+ minutes, at \d\d:\d\d UTC\.$/,
  );
  await expect(page.getByLabel('Email address')).toHaveValue(email);

  // A script gets the real status code.
  const scripted = await page.request.post('/api/auth/password', {
    form: { email, password: 'x' },
    headers: { 'sec-fetch-site': 'same-origin' },
    maxRedirects: 0,
  });
  expect(scripted.status()).toBe(429);
  expect(Number(scripted.headers()['retry-after'])).toBeGreaterThan(0);
  await page.context().close();
});

test('secure@ sees two-factor as on, and confirms only with WHMCS', async ({
  browser,
}) => {
  const page = await newPage(browser);
  // The password alone is refused, and tells the portal what WHMCS said.
  await signInWithPassword(page, 'secure@kraken.example');
  await expect(page).toHaveURL(/\/login\?error=twoFactor/);
  await page.goto('/login');
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: 'Sign in with WHMCS' }).click();
  await expect(page).toHaveURL(/\/oauth\/authorize\.php/);
  await page.getByLabel('Email address').fill('secure@kraken.example');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('Authentication code').fill(totp(DEMO_TOTP_SECRET));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto('/account/security');
  const card = twoFactorCard(page);
  await expect(card).toContainText('Two-factor authentication is on for your login');
  await expect(
    card.getByRole('button', { name: 'Manage or turn off two-factor authentication' }),
  ).toBeVisible();
  await expect(
    card.getByRole('button', { name: 'Set up two-factor authentication' }),
  ).toHaveCount(0);

  // Whole seconds: past the 3-second window whatever the rounding.
  await page.waitForTimeout(4_500);
  await page.goto('/account/confirm?next=%2Faccount%2Fsecurity');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm it’s you');
  await expect(page.locator('#confirm-how')).toContainText(
    'Your login uses two-factor authentication, so your password alone is not enough',
  );
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Confirm', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sign in with WHMCS' })).toBeVisible();
  await page.context().close();
});

test('alice sees two-factor as off; after confirming she is told to press again', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signInWithPassword(page, 'alice@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto('/account/security');
  const card = twoFactorCard(page);
  await expect(card).toContainText('Two-factor authentication is off for your login');
  await expect(
    card.getByRole('button', { name: 'Set up two-factor authentication' }),
  ).toBeVisible();
  await expect(page.locator('#step-up-notice')).toHaveCount(0);

  // Whole seconds: past the 3-second window whatever the rounding.
  await page.waitForTimeout(4_500);
  await page.goto('/domains/1');
  const renew = page.getByRole('region', { name: 'Auto-renew' });
  await page.goto('/account/confirm?next=%2Fdomains%2F1');
  await expect(page.locator('#confirm-how')).toHaveCount(0);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();

  await expect(page).toHaveURL(/\/domains\/1\?confirmed=1$/);
  await expect(page.locator('#step-up-notice')).toHaveText(
    /you confirmed it’s you.*press the button again/i,
  );
  await expect(
    page.getByRole('status').filter({ hasText: 'press the button' }),
  ).toBeVisible();
  await expect(renew).toBeVisible();
  await page.context().close();
});

test('the activity list says what was done, on what, in the customer’s words', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signInWithPassword(page, 'alice@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto('/domains/1');
  const domainName = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  const renew = page.getByRole('region', { name: 'Auto-renew' });
  await renew.getByRole('button', { name: 'Turn auto-renew off' }).click();
  await expect(renew.getByRole('status')).toContainText('Auto-renew is off');

  const ticketId = await stack.firstId('GetTickets', 'tickets', { clientid: '1' });
  await page.goto(`/tickets/${ticketId}`);
  const number = /Ticket #(\d+)/.exec(await page.locator('main').innerText())?.[1];
  expect(number).toBeTruthy();
  expect(number).not.toBe(String(ticketId));
  await page.getByLabel('Your reply').fill('Checking the activity list.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Your reply was sent.' }),
  ).toBeVisible();

  await page.goto('/account/security');
  const changes = page.getByRole('table', { name: 'Changes your login made' });
  const renewRow = changes.getByRole('row').filter({ hasText: 'Turned auto-renew off' });
  await expect(renewRow).toContainText(domainName);
  await expect(renewRow.getByRole('link', { name: domainName })).toHaveAttribute(
    'href',
    '/domains/1',
  );
  const replyRow = changes
    .getByRole('row')
    .filter({ hasText: 'Replied to a support ticket' });
  await expect(replyRow).toContainText(`ticket #${number}`);
  await expect(changes).not.toContainText(`#${ticketId} `);
  await expect(changes).not.toContainText(/\b(ticket|domain):\w+/);
  await page.context().close();
});

test('Sign out everywhere asks first, and only then ends every session', async ({
  browser,
}) => {
  const here = await newPage(browser);
  const there = await newPage(browser);
  await signInWithPassword(here, 'contractor@kraken.example');
  await signInWithPassword(there, 'contractor@kraken.example');
  await expect(here).toHaveURL(/\/dashboard$/);
  await expect(there).toHaveURL(/\/dashboard$/);

  await here.goto('/account/security');
  await here.getByRole('link', { name: /Sign out everywhere/ }).click();
  await expect(here).toHaveURL(/\/account\/security\/sign-out-everywhere$/);
  await expect(here.getByRole('heading', { level: 1 })).toHaveText(
    'Sign out everywhere?',
  );
  await expect(here.locator('main')).toContainText('this one and 1 other');
  // Going back ends nothing.
  await here.getByRole('link', { name: 'No, go back' }).click();
  await expect(here).toHaveURL(/\/account\/security$/);
  await there.goto('/account/security');
  await expect(there).toHaveURL(/\/account\/security$/);

  await here.getByRole('link', { name: /Sign out everywhere/ }).click();
  await here.getByRole('button', { name: 'Yes, sign out everywhere' }).click();
  await expect(here).toHaveURL(/\/login\?signedout=1$/);
  await there.goto('/account/security');
  await expect(there).toHaveURL(/\/login/);
  await here.context().close();
  await there.context().close();
});
