import { expect, test, type Page } from '@playwright/test';
import { signedInPage, startFaultStack, type FaultStack } from './fault-stack';

// 100 dashboards requested at once by one signed-in customer (about 500 WHMCS
// calls): the simulator never answers more calls at a time than the portal's
// WHMCS_MAX_IN_FLIGHT, and every page still comes back whole.

const LIMIT = 4;
let stack: FaultStack;
let page: Page;
test.beforeAll(async ({ browser }) => {
  stack = await startFaultStack({
    WHMCS_MAX_IN_FLIGHT: String(LIMIT),
    WHMCS_QUEUE_TIMEOUT_MS: '60000',
  });
  page = await signedInPage(browser, stack, 'alice@kraken.example');
});
test.afterAll(() => stack.stop());

test('the in-flight limit holds under 100 parallel page loads', async () => {
  test.setTimeout(120_000);
  await stack.setFaults({ rules: [{ latencyMs: 10 }] });

  const loads = Array.from({ length: 100 }, () => page.request.get('/dashboard'));
  const pages = await Promise.all(loads);
  const bodies = await Promise.all(pages.map((p) => p.text()));
  const peak = await stack.peakInFlight();

  expect(pages.map((p) => p.status())).toEqual(Array(100).fill(200));
  expect(bodies.filter((b) => b.includes('couldn’t load'))).toEqual([]);
  expect(peak).toBe(LIMIT);
  expect((await stack.injected()).delayed).toBeGreaterThanOrEqual(400);
});
