import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { schemas } from '@/lib/whmcs/schemas';
import { call } from '@/lib/whmcs/transport';
import { validateLogin } from '@/lib/whmcs/users';
import { createSimulator } from '@/whmcs-sim/core';
import { createFaults, type FaultKind } from '@/whmcs-sim/faults';
import { whmcsHandlers } from '@/whmcs-sim/msw';
import { clearLines, events } from '../support/log-capture';
import { TEST_NOW } from '../support/sim-http';

// The transport against the simulator (through msw) with its faults switched on:
// what each fault becomes, what is retried, what raises an alert.

vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());
process.env.WHMCS_TIMEOUT_MS = '200';

const credentials = { identifier: 'test-identifier', secret: 'test-secret' };
const sim = createSimulator({ now: TEST_NOW, credentials });
const faults = createFaults();
const server = setupServer(...whmcsHandlers(sim, 'http://127.0.0.1:9/', { faults }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  faults.clear();
  clearLines();
});
afterAll(() => server.close());

const received = (action: string) => sim.calls.filter((c) => c.action === action).length;
const settle = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );
const invoices = () => call('GetInvoices', { userid: 1 }, schemas.GetInvoices);
const breakInvoices = (fail: FaultKind) =>
  faults.set({ rules: [{ action: 'GetInvoices', fail }] });

const CAUSES: [FaultKind, string, RegExp][] = [
  ['timeout', 'unavailable', /^timeout after 200ms$/],
  ['http500', 'unavailable', /^http 500$/],
  ['http502', 'unavailable', /^http 502$/],
  ['http503', 'unavailable', /^http 503$/],
  ['html', 'unavailable', /^html page$/],
  ['truncated', 'unavailable', /^not json$/],
  ['malformed', 'unavailable', /^not json$/],
  ['invalid_ip', 'misconfigured', /^Invalid IP 127\.0\.0\.1$/],
  ['auth_failed', 'misconfigured', /^Authentication Failed$/],
  ['role_gap', 'misconfigured', /^Invalid Permissions: API action "getinvoices"/],
];

describe('each fault', () => {
  it.each(CAUSES)(
    '%s fails the call as %s, and its log line names the cause',
    async (fault, kind, reason) => {
      breakInvoices(fault);

      const error = await settle(invoices());
      const [line] = events('whmcs.call');

      expect(error).toMatchObject({ kind, action: 'GetInvoices' });
      expect(line).toMatchObject({ action: 'GetInvoices', outcome: 'error', kind });
      expect(line?.reason).toMatch(reason);
    },
  );
});

describe('retries', () => {
  it('a read is sent three times before it gives up', async () => {
    breakInvoices('http503');
    const before = received('GetInvoices');

    await settle(invoices());

    expect(received('GetInvoices') - before).toBe(3);
  });

  it('a read that is misconfigured is sent once', async () => {
    breakInvoices('auth_failed');
    const before = received('GetInvoices');

    await settle(invoices());

    expect(received('GetInvoices') - before).toBe(1);
  });

  it.each(['http502', 'timeout', 'truncated'] as const)(
    'a write whose answer is lost (%s) is sent once and may have gone through',
    async (fail) => {
      faults.set({ rules: [{ action: 'ValidateLogin', fail }] });
      const before = received('ValidateLogin');

      const error = await settle(
        validateLogin('alice@kraken.example', 'KrakenDemo!2026'),
      );

      expect(received('ValidateLogin') - before).toBe(1);
      expect(error).toMatchObject({ kind: 'uncertain', action: 'ValidateLogin' });
      expect(events('whmcs.call')[0]).toMatchObject({ kind: 'uncertain', attempt: 1 });
    },
  );
});

describe('misconfiguration', () => {
  it('raises an alert naming the action and the cause', async () => {
    // An action of its own: the alert windows (in the test store) outlive a test.
    faults.set({ rules: [{ action: 'GetTickets', fail: 'invalid_ip' }] });

    await settle(call('GetTickets', { clientid: 1 }, schemas.GetTickets));

    expect(events('whmcs.misconfigured')).toEqual([
      expect.objectContaining({ action: 'GetTickets', cause: 'invalid_ip' }),
    ]);
    expect(events('alert.raised')).toEqual([
      expect.objectContaining({ alert: 'whmcs_misconfigured', severity: 'error' }),
    ]);
  });

  it.each([
    ['auth_failed', 'auth_failed'],
    ['role_gap', 'role_gap'],
  ] as const)('tells %s apart for the operator', async (fault, cause) => {
    breakInvoices(fault);

    await settle(invoices());

    expect(events('whmcs.misconfigured')[0]).toMatchObject({ cause });
  });
});
