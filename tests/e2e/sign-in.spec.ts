import { expect, test } from '@playwright/test';
import { firstInvoiceOf, firstTicketOf, signIn, signOut } from './support';

test('an owner signs in, opens an invoice and a ticket, and signs out', async ({
  page,
}) => {
  await signIn(page, 'alice@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  await page.goto(`/invoices/${await firstInvoiceOf(1)}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Invoice');
  await page.goto(`/tickets/${await firstTicketOf(1)}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await signOut(page);

  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard/);
});

test('the session cookie is HttpOnly, SameSite=Lax and invisible to scripts', async ({
  page,
}) => {
  await signIn(page, 'alice@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith('kp_session'));

  expect(session).toMatchObject({
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
    path: '/',
  });
  expect(session?.name).toBe('__Host-kp_session');
  expect(await page.evaluate(() => document.cookie)).not.toContain('kp_session');
});

test('a deep link survives sign-in', async ({ page }) => {
  await page.goto('/tickets?status=Open');
  await expect(page).toHaveURL(/\/login\?next=/);

  await page.getByLabel('Email address').fill('alice@kraken.example');
  await page.getByLabel('Password').fill('KrakenDemo!2026');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await expect(page).toHaveURL(/\/tickets\?status=Open$/);
});

test('a hostile next= lands on the dashboard', async ({ page }) => {
  await signIn(page, 'alice@kraken.example', '//evil.example/phish');

  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/dashboard$/);
});

test('a wrong password gets the generic message and keeps the email', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByLabel('Email address').fill('alice@kraken.example');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await expect(page.getByRole('alert').filter({ hasText: /\w/ })).toHaveText(
    'The email address or password is incorrect.',
  );
  await expect(page.getByLabel('Email address')).toHaveValue('alice@kraken.example');
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith('kp_session'))).toBe(false);
});

test('the two-factor user gets no session from the password alone', async ({ page }) => {
  await signIn(page, 'secure@kraken.example');

  await expect(page.getByRole('alert').filter({ hasText: /\w/ })).toContainText(
    'two-factor authentication',
  );
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith('kp_session'))).toBe(false);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login/);
});

test('a login with two accounts picks one, sees only it, and can switch', async ({
  page,
}) => {
  await signIn(page, 'sam@kraken.example');
  await expect(page).toHaveURL(/\/select-account$/);
  await page.getByRole('button', { name: /Okafor Labs Ltd/ }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('banner')).toContainText('Okafor Labs Ltd');

  const other = await page.goto(`/invoices/${await firstInvoiceOf(2)}`);
  expect(other?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('find that page');

  await page.getByLabel('Account').selectOption({ label: 'Sam Okafor' });
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Switch' }).click(),
  ]);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto(`/invoices/${await firstInvoiceOf(2)}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Invoice');
});

test("another client's invoice and ticket are a 404, exactly like a missing one", async ({
  page,
}) => {
  await signIn(page, 'alice@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);

  const foreign = await page.goto(`/invoices/${await firstInvoiceOf(5)}`);
  const missing = await page.goto('/invoices/99999999');
  const ticket = await page.goto(`/tickets/${await firstTicketOf(5)}`);

  expect(foreign?.status()).toBe(404);
  expect(missing?.status()).toBe(404);
  expect(ticket?.status()).toBe(404);
});

test('a non-owner sees only what their WHMCS permissions allow', async ({ page }) => {
  await signIn(page, 'contractor@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);
  const nav = page.getByRole('navigation', { name: /main/i });

  await expect(nav.getByRole('link', { name: 'Services' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Tickets' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Invoices' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Domains' })).toHaveCount(0);
  expect((await page.goto('/invoices'))?.status()).toBe(403);
  expect((await page.goto(`/invoices/${await firstInvoiceOf(1)}`))?.status()).toBe(403);
  expect((await page.goto('/domains'))?.status()).toBe(403);
});
