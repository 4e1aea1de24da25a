import { expect, test, type Page } from '@playwright/test';
import { signedInPage, startFaultStack, type FaultStack } from './fault-stack';
import { PASSWORD } from './support';

// Step-up in the browser, on a stack whose window is two seconds: once it has
// passed, a sensitive page asks for the password again and then goes back to
// where the customer was; a wrong password is refused and counted.

let stack: FaultStack;
let page: Page;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async ({ browser }) => {
  stack = await startFaultStack({ STEP_UP_MAX_AGE_SECONDS: '2' });
  page = await signedInPage(browser, stack, 'alice@kraken.example');
});
test.afterAll(() => stack.stop());

const confirmUrl = '/account/confirm?next=%2Faccount%2Fsecurity';

test('a link with the confirmation marker alone says nothing about confirming', async () => {
  await page.goto('/account/security?confirmed=1');

  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('#step-up-notice')).toHaveCount(0);
});

test('a fresh sign-in needs no confirmation', async () => {
  await page.goto(confirmUrl);

  await expect(page).toHaveURL(/\/account\/security$/);
});

test('a stale session is asked for its password and refused a wrong one', async () => {
  // Whole seconds: past the 2-second window whatever the rounding.
  await page.waitForTimeout(3_500);
  await page.goto(confirmUrl);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm it’s you');
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();

  await expect(page.locator('#confirm-error')).toHaveText(
    'That password is not right. Please try again.',
  );
  await expect(page).toHaveURL(/\/account\/confirm/);
});

test('the right password goes back to the page, and the failure is in the history', async () => {
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();

  await expect(page).toHaveURL(/\/account\/security\?confirmed=1$/);
  await expect(page.locator('#step-up-notice')).toContainText('press the button again');
  const history = page.getByRole('table', { name: /sign-ins/ });
  await expect(history).toContainText('wrong password when confirming a change');
  await expect(history).toContainText('confirmed password for a sensitive change');
});

test('a hostile next is not followed', async () => {
  // Whole seconds: past the 2-second window whatever the rounding.
  await page.waitForTimeout(3_500);
  await page.goto('/account/confirm?next=https%3A%2F%2Fevil.example%2F');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();

  await expect(page).toHaveURL(/\/dashboard\?confirmed=1$/);
});

test('a stale session changing the account email confirms first; WHMCS gets no write', async () => {
  const updates = async () => {
    const { byAction } = await stack.calls();
    return Object.entries(byAction)
      .filter(([name]) => name.toLowerCase() === 'updateclient')
      .reduce((sum, [, n]) => sum + n, 0);
  };
  // Whole seconds: past the 2-second window whatever the rounding.
  await page.waitForTimeout(3_500);
  await page.goto('/account/profile');
  const before = await updates();

  await page.getByLabel('Account email address').fill('attacker@evil.example');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page).toHaveURL(/\/account\/confirm\?next=%2Faccount%2Fprofile$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm it’s you');
  expect(await updates()).toBe(before);
});
