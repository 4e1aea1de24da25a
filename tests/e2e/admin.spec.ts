import AxeBuilder from '@axe-core/playwright';
import {
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { STAFF, staffPassword, staffSignIn } from './staff';
import { signIn } from './support';

// The staff area in Chromium against the demo stack: both sign-in steps, the
// WHMCS figures, the security view and its revoke button, the realms kept
// apart, and sign-out. Staff sign-in allows five tries per 15 minutes, so the
// tests share one staff session and sign in as few times as they can.

test.describe.configure({ mode: 'serial' });

let staffState: Awaited<ReturnType<BrowserContext['storageState']>>;

const staffPage = async (browser: Browser) =>
  (await browser.newContext({ storageState: staffState })).newPage();

async function noAxeViolations(page: Page, path: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${path}: ${v.id}`)).toEqual([]);
}

test('a staff member signs in with password and code and sees WHMCS figures', async ({
  page,
}) => {
  await page.goto('/admin/login');
  await noAxeViolations(page, '/admin/login');
  await staffPassword(page);
  await expect(page).toHaveURL(/\/admin\/login\/totp$/);
  await noAxeViolations(page, '/admin/login/totp');
  await staffSignIn(page);

  await expect(page.getByRole('heading', { name: 'Staff dashboard' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Income', exact: true })).toContainText(
    /\$\d+\.\d\d USD/,
  );
  await expect(page.getByText('Tickets awaiting reply')).toBeVisible();
  await noAxeViolations(page, '/admin');
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === '__Host-kp_admin')).toMatchObject({
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    path: '/',
  });
  expect(cookies.some((c) => c.name.includes('kp_admin_step'))).toBe(false);
  expect(await page.evaluate(() => document.cookie)).toBe('');
  staffState = await page.context().storageState();
});

test('the password alone does not open the staff area', async ({ page }) => {
  await staffPassword(page, 'not the staff password');
  await expect(page.getByRole('alert').filter({ hasText: /\w/ })).toHaveText(
    'The username or password is incorrect.',
  );
  await staffPassword(page);
  await expect(page).toHaveURL(/\/admin\/login\/totp$/);

  await page.goto('/admin');

  await expect(page).toHaveURL(/\/admin\/login$/);
});

test('the security view lists failures, sessions and the audit trail, and ends a customer session', async ({
  browser,
}) => {
  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, 'alice@kraken.example');
  await expect(customer).toHaveURL(/\/dashboard$/);
  const page = await staffPage(browser);

  await page.goto('/admin/security');
  await noAxeViolations(page, '/admin/security');
  await expect(
    page.getByRole('region', { name: 'Recent sign-in failures', exact: true }),
  ).toContainText('bad-credentials');
  const staffSessions = page.getByRole('region', { name: 'Staff sessions', exact: true });
  await expect(staffSessions).toContainText(STAFF.username);
  await page.getByLabel('Action', { exact: true }).fill('admin.signin.totp');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/action=admin\.signin\.totp/);
  const audit = page.getByRole('table', { name: 'Audit entries, newest first' });
  await expect(audit.getByRole('row')).toHaveCount(3);
  await expect(audit.getByRole('row').nth(1)).toContainText(
    'Staff sign-in: authenticator code',
  );
  await page
    .getByRole('region', { name: 'Customer sessions', exact: true })
    .getByRole('button', { name: /^End session: user #\d+/ })
    .first()
    .click();
  await expect(page.getByRole('status').filter({ hasText: /\w/ })).toHaveText(
    'The session has ended.',
  );

  await customer.goto('/invoices');
  await expect(customer).toHaveURL(/\/login/);
});

test('the realms stay apart: no customer token on /admin, no staff token on customer pages', async ({
  browser,
}) => {
  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, 'alice@kraken.example');
  await expect(customer).toHaveURL(/\/dashboard$/);
  const staff = await staffPage(browser);

  await customer.goto('/admin');
  await staff.goto('/dashboard');

  await expect(customer).toHaveURL(/\/admin\/login$/);
  await expect(staff).toHaveURL(/\/login\?next=%2Fdashboard$/);
});

test('signing out ends the staff session for every copy of the cookie', async ({
  browser,
}) => {
  const page = await staffPage(browser);
  const copy = await staffPage(browser);
  await page.goto('/admin');

  await page.getByRole('button', { name: 'Sign out' }).click();

  await expect(page).toHaveURL(/\/admin\/login\?signedout=1$/);
  await expect(page.getByRole('status').filter({ hasText: /\w/ })).toHaveText(
    'You have signed out.',
  );
  await copy.goto('/admin');
  await expect(copy).toHaveURL(/\/admin\/login$/);
});
