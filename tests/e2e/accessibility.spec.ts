import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { firstInvoiceOf, firstTicketOf, signIn, whmcs } from './support';

async function expectNoViolations(page: Page, path: string) {
  // An email's own HTML, in a sandboxed frame that runs no script (axe's
  // included), is the sender's: axe checks the frame element, not inside it.
  const builder = new AxeBuilder({ page });
  if ((await page.locator('iframe[sandbox]').count()) > 0)
    builder.options({ iframes: false }).setLegacyMode(true);
  const results = await builder.analyze();
  const summary = results.violations.map((v) => `${path}: ${v.id} (${v.nodes.length})`);

  expect(summary).toEqual([]);
}

async function firstId(
  action: string,
  clientId: number,
  plural: string,
  singular: string,
) {
  const answer = (await whmcs(action, { clientid: clientId })) as Record<
    string,
    Record<string, { id: string | number }[]>
  >;
  return Number(answer[plural]?.[singular]?.[0]?.id);
}

test('the sign-in pages have no axe violations', async ({ page }) => {
  await page.goto('/login');
  await expectNoViolations(page, '/login');
  await page.goto('/login/reset');
  await expectNoViolations(page, '/login/reset');
  await page.goto(`/login?error=limited&until=${Math.floor(Date.now() / 1000) + 600}`);
  await expectNoViolations(page, '/login?error=limited');

  await signIn(page, 'sam@kraken.example');
  await expect(page).toHaveURL(/\/select-account$/);
  await expectNoViolations(page, '/select-account');
});

test('every customer page has no axe violations, on a desktop and a phone', async ({
  page,
}) => {
  // Two dozen page loads, each with a full axe scan.
  test.setTimeout(240_000);
  await signIn(page, 'alice@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);
  const paths = [
    '/dashboard',
    '/services',
    `/services/${await firstId('GetClientsProducts', 1, 'products', 'product')}`,
    // Suspended, past its paid period: cancelled only immediately, and told why.
    '/services/7',
    '/domains',
    `/domains/${await firstId('GetClientsDomains', 1, 'domains', 'domain')}`,
    '/invoices',
    '/invoices?status=Unpaid',
    `/invoices/${await firstInvoiceOf(1)}`,
    '/tickets',
    `/tickets/${await firstTicketOf(1)}`,
    '/tickets/new',
    '/invoices/99999999',
    '/account/security',
    '/account/security?confirmed=1',
    '/account/security/sign-out-everywhere',
    '/account/profile',
    '/account/emails',
    `/account/emails/${await firstId('GetEmails', 1, 'emails', 'email')}`,
  ];

  for (const size of [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await expectNoViolations(page, `${path} @${size.width}px`);
    }
  }
});

test('the no-access page has no axe violations', async ({ page }) => {
  await signIn(page, 'contractor@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto('/invoices');
  await expectNoViolations(page, '/invoices (403)');
});
