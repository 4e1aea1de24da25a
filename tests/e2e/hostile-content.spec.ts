import { expect, test } from '@playwright/test';
import { signIn, whmcs } from './support';

type TicketRows = { tickets: { ticket: { id: string; subject: string }[] } };

test('HTML in a ticket message is shown as text and runs nothing', async ({ page }) => {
  const list = (await whmcs('GetTickets', {
    clientid: 1,
    limitnum: 100,
  })) as unknown as TicketRows;
  const hostile = [];
  for (const t of list.tickets.ticket) {
    const ticket = await whmcs('GetTicket', { ticketid: t.id });
    if (JSON.stringify(ticket).includes('<script>')) hostile.push(t.id);
  }
  expect(hostile.length).toBeGreaterThan(0);
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });

  await signIn(page, 'alice@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto(`/tickets/${hostile[0]}`);
  await page.waitForLoadState('networkidle');

  await expect(page.getByText('<script>', { exact: false }).first()).toBeVisible();
  expect(await page.locator('main script').count()).toBe(0);
  expect(await page.locator('main img[onerror]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('every HTML response carries the security headers and a fresh nonce', async ({
  page,
}) => {
  const first = await page.goto('/login');
  const second = await page.goto('/login');
  const a = first?.headers() ?? {};
  const b = second?.headers() ?? {};

  for (const h of [a, b]) {
    expect(h['content-security-policy']).toMatch(
      /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
    );
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBeTruthy();
    expect(h['cross-origin-opener-policy']).toBe('same-origin');
    expect(h['permissions-policy']).toBeTruthy();
    expect(h['x-powered-by']).toBeUndefined();
  }
  const nonce = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
  expect(nonce(a['content-security-policy'])).not.toBe(
    nonce(b['content-security-policy']),
  );
});

test('pages load without CSP violations or console errors', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });

  await signIn(page, 'alice@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto('/invoices');
  await page.waitForLoadState('networkidle');

  expect(problems).toEqual([]);
});

test('script injected into the HTML of a page does not run', async ({ page }) => {
  // Simulates a markup injection flaw: the server's answer, CSP header and all,
  // with attacker HTML spliced in before the browser parses it.
  await page.route('**/login', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      '</body>',
      '<script>window.__injected = "script"</script>' +
        '<img src="/nope.png" onerror="window.__injected = \'handler\'"></body>',
    );
    await route.fulfill({ response, body: html });
  });

  await page.goto('/login');
  await page.waitForLoadState('networkidle');

  expect(await page.locator('script:not([nonce])').count()).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as { __injected?: string }).__injected)).toBe(
    undefined,
  );
});
