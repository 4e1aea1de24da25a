import { expect, type Page } from '@playwright/test';

// Shared steps for the browser tests. The portal and the simulator were
// started by playwright.config.ts on loopback ports of their own.

export const PASSWORD = 'KrakenDemo!2026';
export const SIM_URL = `http://127.0.0.1:${process.env.E2E_SIM_PORT ?? 8411}/includes/api.php`;

export async function signIn(page: Page, email: string, next?: string) {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
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
