import { expect, test, type Page } from '@playwright/test';
import { signIn, simCalls, whmcs } from './support';

// What a customer reads on the dashboard and lists, and how they fit a phone.

type Row = { id: number | string; status: string };

async function invoicesOf(clientId: number, status: string): Promise<Row[]> {
  const answer = await whmcs('GetInvoices', { userid: clientId, status, limitnum: 250 });
  return ((answer.invoices as { invoice?: Row[] }).invoice ?? []) as Row[];
}

async function balanceCents(id: number | string): Promise<number> {
  const answer = await whmcs('GetInvoice', { invoiceid: id });
  return Math.round(Number(answer.balance) * 100);
}

async function overflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

test('Total due is what is still owed on unpaid and collections invoices', async ({
  page,
}) => {
  const owed = [
    ...(await invoicesOf(1, 'Unpaid')),
    ...(await invoicesOf(1, 'Collections')),
  ];
  const cents = (await Promise.all(owed.map((i) => balanceCents(i.id)))).reduce(
    (sum, n) => sum + n,
    0,
  );
  const expected = `$${(cents / 100).toFixed(2)} USD`;
  // The browser prefetches the invoice links the dashboard shows, in idle
  // time, and an invoice's page opens that invoice: those calls are the
  // prefetched pages', not the dashboard's, so they stay out of the count.
  await page.route('**/*', (route) => {
    const headers = route.request().headers();
    const prefetch =
      'next-router-prefetch' in headers || 'next-router-segment-prefetch' in headers;
    return prefetch ? route.abort() : route.continue();
  });

  await signIn(page, 'alice@kraken.example');
  const card = page.getByRole('region', { name: 'Unpaid invoices' });

  await expect(card).toContainText(`Total due${expected}`);
  await expect(card).toContainText('already paid');
  // The balances come from the client's transactions, asked for once, with
  // no invoice opened one by one.
  const [opened, listed] = [
    await simCalls('GetInvoice'),
    await simCalls('GetTransactions'),
  ];
  await page.reload();
  await expect(card).toContainText(`Total due${expected}`);
  expect(await simCalls('GetInvoice')).toBe(opened);
  expect(await simCalls('GetTransactions')).toBe(listed + 1);
});

test('a draft invoice is in no list and its page is a 404', async ({ page }) => {
  const [draft] = await invoicesOf(1, 'Draft');
  expect(draft).toBeDefined();

  await signIn(page, 'alice@kraken.example');
  await page.goto('/invoices');
  const links = await page.getByRole('table').getByRole('link').allTextContents();
  const response = await page.goto(`/invoices/${draft?.id}`);

  expect(links).not.toContain(`#${draft?.id}`);
  expect(response?.status()).toBe(404);
});

test('tickets read in the customer’s words, not WHMCS codes', async ({ page }) => {
  await signIn(page, 'alice@kraken.example');
  await page.goto('/tickets');

  await expect(page.getByRole('table')).toContainText('Awaiting support');
  await expect(page.getByRole('main')).not.toContainText('Customer-Reply');
});

test('an unknown address offers a signed-in customer the dashboard', async ({ page }) => {
  await signIn(page, 'alice@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto('/no-such-page');

  await expect(page.getByRole('link', { name: 'Go to the dashboard' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' })).toHaveCount(0);
});

test('on phones the pages fit the screen and the account switcher is in reach', async ({
  page,
}) => {
  await signIn(page, 'sam@kraken.example');
  await page.getByRole('button', { name: /Okafor Labs Ltd/ }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of ['/dashboard', '/invoices', '/tickets']) {
      await page.goto(path);

      expect(await overflow(page), `${path} @${width}px`).toBe(0);
      await expect(page.getByRole('button', { name: 'Switch' })).toBeInViewport();
    }
  }
});
