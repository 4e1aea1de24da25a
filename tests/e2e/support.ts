import { expect, type Browser, type Page } from '@playwright/test';

// Shared steps for the browser tests. The portal and the simulator were
// started by playwright.config.ts on loopback ports of their own.

export const PASSWORD = 'KrakenDemo!2026';
export const SIM_ROOT = `http://127.0.0.1:${process.env.E2E_SIM_PORT ?? 8411}`;
export const SIM_URL = `${SIM_ROOT}/includes/api.php`;

export async function signIn(page: Page, email: string, next?: string) {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * One signed-in page for a whole file, for files with many tests as one person:
 * signing in per test would run into the per-account sign-in limit.
 */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: `http://localhost:${process.env.E2E_PORT ?? 3111}`,
  });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);

  return page;
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Asks the simulator directly (as WHMCS's admin API would answer), for ids to attack with. */
export async function whmcs(action: string, params: Record<string, string | number>) {
  const body = new URLSearchParams({
    action,
    identifier: 'kraken-demo-identifier',
    secret: 'kraken-demo-secret',
    responsetype: 'json',
    ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
  });
  const response = await fetch(SIM_URL, { method: 'POST', body });
  return (await response.json()) as Record<string, unknown>;
}

type Rows<K extends string> = Record<K, Record<string, { id: number | string }[]>>;

export async function firstInvoiceOf(clientId: number): Promise<number> {
  const answer = (await whmcs('GetInvoices', {
    userid: clientId,
  })) as unknown as Rows<'invoices'>;
  return Number(answer.invoices.invoice?.[0]?.id);
}

export async function firstTicketOf(clientId: number): Promise<number> {
  const answer = (await whmcs('GetTickets', {
    clientid: clientId,
  })) as unknown as Rows<'tickets'>;
  return Number(answer.tickets.ticket?.[0]?.id);
}

/** How many calls of `action` the simulator has received so far (its control endpoint). */
export async function simCalls(action: string): Promise<number> {
  const response = await fetch(`${SIM_ROOT}/__sim/calls`);
  const counts = (await response.json()) as { byAction: Record<string, number> };
  return Object.entries(counts.byAction)
    .filter(([name]) => name.toLowerCase() === action.toLowerCase())
    .reduce((sum, [, n]) => sum + n, 0);
}

/** The id of a client's first invoice in `status`, asked of the simulator directly. */
export async function invoiceWithStatus(
  clientId: number,
  status: string,
): Promise<number> {
  const answer = (await whmcs('GetInvoices', {
    userid: clientId,
    status,
    limitnum: 1,
  })) as unknown as Rows<'invoices'>;
  const id = Number(answer.invoices.invoice?.[0]?.id);
  if (!id) throw new Error(`client ${clientId} has no ${status} invoice`);
  return id;
}
