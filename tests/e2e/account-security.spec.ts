import { expect, test } from '@playwright/test';
import { startFaultStack, type FaultStack } from './fault-stack';
import { invoiceWithStatus, PASSWORD, signIn, simCalls } from './support';

// The login's own password and two-factor pages in WHMCS, reached with a
// single-use link from the security page; "Forgot your password?" on the
// sign-in page; and, on a stack of its own with a short step-up window, the
// confirmation a stale session goes through first, with the portal's log
// lines checked for the link.

test('the security page hands a non-owner to their own WHMCS password and 2FA pages', async ({
  page,
}) => {
  await signIn(page, 'contractor@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto('/account/security');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(
    page.getByText('Signed in as contractor@kraken.example (user 3)'),
  ).toBeVisible();
  await expect(page.getByText('Path index.php?rp=/user/password')).toBeVisible();

  await page.goto('/account/security');
  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  await expect(page.getByText('Path index.php?rp=/user/security')).toBeVisible();
});

test('Forgot your password? answers the same for a login and for nobody', async ({
  page,
}) => {
  const before = await simCalls('ResetPassword');
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/login\/reset$/);

  const answers: string[] = [];
  for (const email of ['alice@kraken.example', 'nobody@kraken.example']) {
    await page.goto('/login/reset');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a reset link' }).click();
    await expect(page).toHaveURL(/\/login\/reset\?sent=1$/);
    answers.push(await page.locator('main').innerText());
  }

  expect(answers[1]).toBe(answers[0]);
  expect(answers[0]).toContain('If that email address belongs to a login');
  expect(await simCalls('ResetPassword')).toBe(before + 2);
});

test('a cross-site reset request is refused and sends nothing', async ({ page }) => {
  const before = await simCalls('ResetPassword');

  const response = await page.request.post('/api/auth/reset-password', {
    form: { email: 'alice@kraken.example' },
    headers: { origin: 'http://evil.example' },
    maxRedirects: 0,
  });

  expect(response.status()).toBe(403);
  expect(await simCalls('ResetPassword')).toBe(before);
});

test.describe('with a short step-up window', () => {
  let stack: FaultStack;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    stack = await startFaultStack({ STEP_UP_MAX_AGE_SECONDS: '5' });
  });
  test.afterAll(() => stack.stop());

  test('a stale session confirms its password before Pay now; the link is never logged', async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const id = await stack.firstId('GetInvoices', 'invoices', {
      userid: '1',
      status: 'Unpaid',
    });
    expect(id).toBe(await invoiceWithStatus(1, 'Unpaid'));
    const context = await browser.newContext({ baseURL: stack.url });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email address').fill('alice@kraken.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    // Past the five-second window.
    await page.waitForTimeout(6_000);
    const calls = (await stack.calls()).byAction.CreateSsoToken ?? 0;

    await page.goto(`/invoices/${id}`);
    await expect(page.getByRole('link', { name: 'Confirm it’s you now' })).toBeVisible();
    await page.getByRole('button', { name: 'Pay now' }).click();
    await expect(page).toHaveURL(
      new RegExp(`/account/confirm\\?next=${encodeURIComponent(`/invoices/${id}`)}$`),
    );
    expect((await stack.calls()).byAction.CreateSsoToken ?? 0).toBe(calls);

    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/invoices/${id}\\?confirmed=1$`));
    await expect(page.locator('#step-up-notice')).toContainText('press the button again');
    await page.getByRole('button', { name: 'Pay now' }).click();
    await expect(page).toHaveURL(/\/oauth\/singlesignon\.php\?access_token=/);
    await expect(page.getByText(`Path viewinvoice.php?id=${id}`)).toBeVisible();

    const token = new URL(page.url()).searchParams.get('access_token') ?? '';
    expect(token).toMatch(/^[0-9a-f]{40}$/);
    const logged = stack.output();
    expect(logged).toContain('"action":"CreateSsoToken"');
    expect(logged).toContain('"event":"customer.action"');
    expect(logged).not.toContain(token);
    await context.close();
  });
});
