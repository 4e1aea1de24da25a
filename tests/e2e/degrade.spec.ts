import { expect, test, type Page } from '@playwright/test';
import { LEAKS, signedInPage, startFaultStack, type FaultStack } from './fault-stack';

// Every portal page with WHMCS failing for the one action behind its main
// section: the page answers 200 with its header, navigation and the other
// sections, and the failing section says what it could not load.

let stack: FaultStack;
let page: Page;
let ids: Record<'service' | 'domain' | 'invoice' | 'ticket', number>;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async ({ browser }) => {
  // The per-account cache off: every page asks for the header's names and the
  // currency again, so a fault on those calls reaches the page it is about.
  stack = await startFaultStack({
    WHMCS_BREAKER_THRESHOLD: '1000',
    ACCOUNT_CACHE_SECONDS: '0',
  });
  ids = {
    service: await stack.firstId('GetClientsProducts', 'products', { clientid: '1' }),
    domain: await stack.firstId('GetClientsDomains', 'domains', { clientid: '1' }),
    invoice: await stack.firstId('GetInvoices', 'invoices', { userid: '1' }),
    ticket: await stack.firstId('GetTickets', 'tickets', { clientid: '1' }),
  };
  page = await signedInPage(browser, stack, 'alice@kraken.example');
});
test.afterAll(() => stack.stop());

test.afterEach(() => stack.clearFaults());

// First, while the shared department list is not cached yet.
const QUIET: [string, () => string, string][] = [
  ['the account name in the header', () => '/dashboard', 'GetUsers'],
  ['the currency of an invoice', () => `/invoices/${ids.invoice}`, 'GetClientsDetails'],
  ['department names on tickets', () => '/tickets', 'GetSupportDepartments'],
];

for (const [name, path, action] of QUIET) {
  test(`${name} (${action}) failing costs the page nothing else`, async () => {
    await stack.setFaults({ rules: [{ action, fail: 'html' }] });

    const response = await page.goto(path());

    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: 'couldn’t load' }),
    ).toHaveCount(0);
    expect((await stack.injected()).html).toBeGreaterThan(0);
  });
}

const PAGES: [string, () => string, string, string][] = [
  ['dashboard', () => '/dashboard', 'GetClientsProducts', 'services'],
  // The unpaid card's rows come from GetInvoices; only their amounts are missing.
  ['dashboard', () => '/dashboard', 'GetTransactions', 'invoice balances'],
  ['services', () => '/services', 'GetClientsProducts', 'services'],
  [
    'a service',
    () => `/services/${ids.service}`,
    'GetClientsProducts',
    'service details',
  ],
  ['domains', () => '/domains', 'GetClientsDomains', 'domains'],
  ['a domain', () => `/domains/${ids.domain}`, 'GetClientsDomains', 'domain details'],
  ['invoices', () => '/invoices', 'GetInvoices', 'invoices'],
  ['an invoice', () => `/invoices/${ids.invoice}`, 'GetInvoice', 'invoice'],
  ['tickets', () => '/tickets', 'GetTickets', 'support tickets'],
  ['a ticket', () => `/tickets/${ids.ticket}`, 'GetTicket', 'support ticket'],
];

for (const [name, path, action, what] of PAGES) {
  test(`${name} with ${action} down: the rest of the page works`, async () => {
    await stack.setFaults({ rules: [{ action, fail: 'http503' }] });

    const response = await page.goto(path());
    const failing = page.getByRole('status').filter({ hasText: 'couldn’t load' });

    expect(response?.status()).toBe(200);
    await expect(failing).toHaveCount(1);
    await expect(failing).toContainText(`We couldn’t load your ${what} right now.`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    const html = await page.content();
    for (const leak of LEAKS) expect(html).not.toMatch(leak);
  });
}
