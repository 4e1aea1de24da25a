import { expect, test, type Page } from '@playwright/test';
import { signIn, whmcs } from './support';

type TicketRows = { tickets: { ticket: { id: string; subject: string }[] } };

/** Markup and links that would run script if a message were ever treated as HTML. */
const HOSTILE_POST = [
  "<script>window.__pwned = 'script'</script>",
  '<img src=x onerror="window.__pwned = \'img\'">',
  "[click me](javascript:window.__pwned='link')",
  "[or me](JaVaScRiPt:window.__pwned='case')",
  "[data](data:text/html,<script>alert('data')</script>)",
  '<a href="javascript:window.__pwned=\'a\'">raw link</a>',
  '**bold** stays Markdown',
].join('\n\n');

/** Dialogs, script effects, CSP reports and console errors seen on the page. */
function watch(page: Page) {
  const seen: string[] = [];
  page.on('dialog', async (d) => {
    seen.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') seen.push(`console: ${m.text()}`);
  });
  return seen;
}

/** Nothing in the page's main area could run or load anything a message carried. */
async function expectInert(page: Page) {
  const main = page.getByRole('main');
  expect(await main.locator('script').count()).toBe(0);
  expect(await main.locator('img, iframe, object, embed, svg image').count()).toBe(0);
  expect(await main.locator('[onerror], [onload], [onclick]').count()).toBe(0);
  const hrefs = await main
    .locator('a[href]')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:)/);
  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBe(
    undefined,
  );
}

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

test('hostile markup a customer posts in a ticket and a reply runs nothing', async ({
  page,
}) => {
  const seen = watch(page);
  const subject = `<img src=x onerror="window.__pwned='subject'"> ${Date.now()}`;
  await signIn(page, 'alice@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto('/tickets/new');
  await page.getByLabel('Subject').fill(subject);
  await page.getByLabel('Message').fill(HOSTILE_POST);
  await page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(page).toHaveURL(/\/tickets\/\d+\?opened=1$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject);
  await page.getByLabel('Your reply').fill(HOSTILE_POST);
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Your reply was sent.' }),
  ).toBeVisible();
  await page.reload();
  await page.waitForLoadState('networkidle');

  const conversation = page.getByRole('list', { name: 'Conversation' });
  await expect(conversation.getByRole('article')).toHaveCount(2);
  for (const article of await conversation.getByRole('article').all()) {
    await expect(article).toContainText("<script>window.__pwned = 'script'</script>");
    await expect(article).toContainText("[click me](javascript:window.__pwned='link')");
    await expect(article.locator('strong', { hasText: 'bold' })).toBeVisible();
  }
  await conversation
    .getByText("[click me](javascript:window.__pwned='link')")
    .first()
    .click();
  await expectInert(page);
  await page.goto('/tickets');
  await expect(page.getByRole('link', { name: subject })).toBeVisible();
  await expectInert(page);
  expect(seen).toEqual([]);
});

test('a staff reply with hostile Markdown shows its unsafe links as text', async ({
  page,
}) => {
  const seen = watch(page);
  const list = (await whmcs('GetTickets', {
    clientid: 1,
    subject: 'strange code',
  })) as unknown as TicketRows;
  const ticketId = list.tickets.ticket[0]?.id;
  expect(ticketId).toBeDefined();

  await signIn(page, 'alice@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto(`/tickets/${ticketId}`);
  await page.waitForLoadState('networkidle');

  const staff = page.getByRole('article', { name: 'Message from Marta Kowalski' });
  await expect(staff.locator('strong', { hasText: 'injected code' })).toBeVisible();
  await expect(staff.locator('code', { hasText: 'contact.php' })).toBeVisible();
  await expect(staff).toContainText(
    '[the fake login page](javascript:alert(document.domain))',
  );
  await expect(staff).toContainText('[a data link](data:text/html;base64,');
  await expect(staff).toContainText('[another one](JaVaScRiPt&#58;alert(2))');
  await expect(staff).toContainText('<img src=x onerror=alert(3)>');
  const links = staff.getByRole('link');
  await expect(links).toHaveCount(1);
  await expect(links).toHaveText('cleaning a hacked site');
  await expect(links).toHaveAttribute('href', 'https://docs.kraken.example/hacked-site');
  await expect(links).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  await staff.getByText('[the fake login page]', { exact: false }).click();
  await expectInert(page);
  expect(seen).toEqual([]);
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
