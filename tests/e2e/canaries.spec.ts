import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { CANARIES, CANARY_ENV, CANARY_PASSWORD } from '../support/canaries.mjs';
import { startFaultStack, type FaultStack } from './fault-stack';
import { PASSWORD } from './support';

// The portal runs with a canary value in every secret setting (the build was
// made with them too, see scripts/test.mjs), and a canary password is typed at
// sign-in. After a tour through sign-in failures, pages, section errors, error
// pages, RSC payloads, readiness, metrics and alerts, no canary may appear in
// any of them, in the portal's output or in an alert sent out. (The client
// bundle has its own test: tests/integration/bundle-secrets.test.ts.)

const seen: string[] = [];
const hooks: string[] = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => (hooks.push(body), res.writeHead(204).end()));
});
let stack: FaultStack;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alerts`;
  const { WHMCS_URL: _url, ...secrets } = CANARY_ENV;
  stack = await startFaultStack({
    ...secrets,
    ALERT_WEBHOOK_URL: hook,
    SIM_IDENTIFIER: CANARY_ENV.WHMCS_API_IDENTIFIER ?? '',
    SIM_SECRET: CANARY_ENV.WHMCS_API_SECRET ?? '',
  });
});
test.afterAll(() => {
  stack.stop();
  receiver.close();
});

test('a tour of the portal with faults and failures', async ({ browser }) => {
  const page = await (await browser.newContext({ baseURL: stack.url })).newPage();
  page.on('response', async (response) => {
    seen.push(await response.text().catch(() => ''));
  });
  for (let i = 0; i < 6; i += 1) {
    await page.goto('/login');
    await page.getByLabel('Email address').fill('alice@kraken.example');
    await page.getByLabel('Password').fill(CANARY_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'incorrect' }).waitFor();
  }
  await page.getByLabel('Email address').fill('alice@kraken.example');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await stack.setFaults({ rules: [{ action: 'GetInvoices', fail: 'invalid_ip' }] });

  for (const path of ['/dashboard', '/invoices', '/services', '/tickets', '/nowhere']) {
    await page.goto(path);
    const rsc = await page.request.get(path, { headers: { RSC: '1' } });
    seen.push(await rsc.text());
  }
  for (const path of ['/api/ready', '/api/metrics', '/api/health']) {
    seen.push(await (await page.request.get(path)).text());
  }
  await stack.clearFaults();

  await expect.poll(() => hooks.length).toBeGreaterThanOrEqual(2);
  expect(seen.length).toBeGreaterThan(20);
});

test('no canary in any page, payload or answer the browser received', () => {
  const text = seen.join('\n');

  for (const canary of CANARIES) expect(text).not.toContain(canary);
});

test('no canary (nor the real password) in the portal’s log lines or error output', () => {
  const output = stack.output();

  expect(stack.logs().length).toBeGreaterThan(20);
  for (const canary of [...CANARIES, PASSWORD]) expect(output).not.toContain(canary);
});

test('no canary in an alert sent to the webhook', () => {
  const sent = hooks.join('\n');

  expect(sent).toContain('signin_failures_account');
  expect(sent).toContain('whmcs_misconfigured');
  for (const canary of CANARIES) expect(sent).not.toContain(canary);
});
