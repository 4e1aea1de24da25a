import { expect, type Page } from '@playwright/test';
import { totp } from '../../whmcs-sim/oidc/totp';

// The demo stack's staff account, fixed for the browser tests: playwright.config.ts
// hands these to scripts/stack.mjs (DEMO_ADMIN_PASSWORD, DEMO_ADMIN_TOTP_SECRET).

export const STAFF = {
  username: 'admin',
  password: 'Kraken staff e2e 2026!',
  totpSecret: 'KRAKENSTAFFE2ETOTPSECRETFORADMIN',
};

export const staffCode = () => totp(STAFF.totpSecret);

/** Step 1 of the staff sign-in: lands on the code page. */
export async function staffPassword(page: Page, password = STAFF.password) {
  await page.goto('/admin/login');
  await page.getByLabel('Username').fill(STAFF.username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Both steps; lands on the staff dashboard. Each code is accepted only once. */
export async function staffSignIn(page: Page) {
  await staffPassword(page);
  await expect(page).toHaveURL(/\/admin\/login\/totp$/);
  await page.getByLabel('Authenticator code').fill(staffCode());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin$/);
}
