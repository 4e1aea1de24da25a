import { expect, test } from '@playwright/test';
import { startFaultStack, type FaultStack } from './fault-stack';

// The per-address request limit in the built server. The other browser tests
// run with a limit far above what they send (tests/e2e/limits.ts); this file
// starts a stack of its own at five a minute. The limit counts a sliding
// window, so a burst may cross into a new minute and get one request more:
// the burst is three times the limit, and the count allows for that one.

const LIMIT = 5;
let stack: FaultStack;
test.beforeAll(async () => {
  stack = await startFaultStack({ REQUEST_LIMIT_PER_MINUTE: String(LIMIT) });
});
test.afterAll(() => stack.stop());

test('one address past its requests a minute gets 429 with Retry-After, whatever X-Forwarded-For says', async ({
  request,
}) => {
  const answers = [];
  for (let n = 1; n <= 3 * LIMIT; n += 1) {
    // Each request names a different address of its own: the limit still
    // counts the connection's, which the portal appends itself.
    const headers = { 'x-forwarded-for': `198.51.100.${n}` };
    answers.push(await request.get(`${stack.url}/api/health`, { headers }));
  }
  const statuses = answers.map((a) => a.status());
  const refused = answers.find((a) => a.status() === 429);

  expect(statuses[0]).toBe(200);
  expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(LIMIT + 1);
  expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
  expect(Number(refused?.headers()['retry-after'])).toBeGreaterThan(0);
});
