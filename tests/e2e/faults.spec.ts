import { expect, test, type Page } from '@playwright/test';
import { LEAKS, signedInPage, startFaultStack, type FaultStack } from './fault-stack';
import { PASSWORD } from './support';

// Each WHMCS fault on one action (GetInvoices) while a customer looks at the
// dashboard: the page renders, only the invoices card says it could not load,
// the browser sees no WHMCS text or stack, and the log line names the cause.

const FAULTS: [string, RegExp][] = [
  ['timeout', /^timeout after 1500ms$/],
  ['http500', /^http 500$/],
  ['http502', /^http 502$/],
  ['http503', /^http 503$/],
  ['html', /^html page$/],
  ['truncated', /^not json$/],
  ['malformed', /^not json$/],
  ['invalid_ip', /^Invalid IP 127\.0\.0\.1$/],
  ['auth_failed', /^Authentication Failed$/],
  ['role_gap', /^Invalid Permissions: API action "getinvoices"/],
];

let stack: FaultStack;
let page: Page;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async ({ browser }) => {
  // A high breaker threshold: here each fault is about one page, not about the breaker.
  stack = await startFaultStack({ WHMCS_BREAKER_THRESHOLD: '1000' });
  page = await signedInPage(browser, stack, 'alice@kraken.example');
});
test.afterAll(() => stack.stop());

for (const [fault, reason] of FAULTS) {
  test(`${fault} on GetInvoices: the dashboard still works and says what is missing`, async () => {
    await stack.setFaults({ rules: [{ action: 'GetInvoices', fail: fault }] });

    const response = await page.goto('/dashboard');
    const requestId = (await response?.headerValue('x-request-id')) ?? '';
    const failing = page.getByRole('status').filter({ hasText: 'couldn’t load' });

    await expect(
      page.getByRole('heading', { name: 'Dashboard', level: 1 }),
    ).toBeVisible();
    await expect(failing).toHaveCount(1);
    await expect(failing).toContainText('We couldn’t load your invoices right now.');
    await expect(failing).toContainText(`Reference: ${requestId}`);
    await expect(page.getByRole('link', { name: 'Try again' })).toHaveAttribute(
      'href',
      '/dashboard',
    );
    await expect(page.getByRole('heading', { name: 'Active services' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    const html = await page.content();
    for (const leak of LEAKS) expect(html).not.toMatch(leak);
    await expect
      .poll(
        () =>
          stack
            .logs()
            .find(
              (l) =>
                l.event === 'whmcs.call' &&
                l.requestId === requestId &&
                l.action === 'GetInvoices',
            )?.reason,
      )
      .toMatch(reason);
    await stack.clearFaults();
  });
}

test('a failed sign-in write is sent once, keeps the email and says "try again later"', async ({
  browser,
}) => {
  const page = await (await browser.newContext({ baseURL: stack.url })).newPage();
  await stack.setFaults({ rules: [{ action: 'ValidateLogin', fail: 'http502' }] });
  const before = (await stack.calls()).byAction.ValidateLogin ?? 0;

  await page.goto('/login');
  await page.getByLabel('Email address').fill('alice@kraken.example');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const message = page.getByRole('alert').filter({ hasText: 'temporarily unavailable' });
  await message.waitFor();
  const after = (await stack.calls()).byAction.ValidateLogin ?? 0;
  await stack.clearFaults();

  await expect(message).toContainText('Signing in is temporarily unavailable.');
  await expect(page.getByLabel('Email address')).toHaveValue('alice@kraken.example');
  expect(after - before).toBe(1);
  expect(
    stack.logs().some((l) => l.event === 'whmcs.call' && l.kind === 'uncertain'),
  ).toBe(true);
});
