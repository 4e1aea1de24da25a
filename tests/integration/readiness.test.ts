import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/ready/route';
import { whmcsBreaker } from '@/lib/whmcs/protection';
import { createSimulator } from '@/whmcs-sim/core';
import { createFaults } from '@/whmcs-sim/faults';
import { whmcsHandlers } from '@/whmcs-sim/msw';
import { clearLines, events } from '../support/log-capture';
import { TEST_NOW } from '../support/sim-http';

// GET /api/ready against the simulator (msw) and a stand-in store.

vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());
const ping = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock('@/lib/store', () => ({ store: () => ({ ping }) }));

const credentials = { identifier: 'test-identifier', secret: 'test-secret' };
const sim = createSimulator({ now: TEST_NOW, credentials });
const faults = createFaults();
const server = setupServer(...whmcsHandlers(sim, 'http://127.0.0.1:9/', { faults }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  faults.clear();
  clearLines();
  ping.mockReset();
});
afterAll(() => server.close());

async function ready() {
  const response = await GET();
  return { status: response.status, body: (await response.json()) as unknown };
}

const tripBreaker = () => {
  const breaker = whmcsBreaker();
  for (let i = 0; i < 5; i += 1)
    breaker.failure(breaker.admit() ?? { probe: false, since: 0 });
};

describe('readiness', () => {
  it('is 200 when the store and WHMCS both answer', async () => {
    const { status, body } = await ready();

    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'ready',
      checks: { store: 'ok', whmcs: 'ok', breaker: 'closed' },
    });
  });

  it('is 503 and reports the tripped breaker while WHMCS stays down', async () => {
    faults.set({ rules: [{ fail: 'http503' }] });
    tripBreaker();

    const { status, body } = await ready();

    expect(status).toBe(503);
    expect(body).toEqual({
      status: 'not_ready',
      checks: { store: 'ok', whmcs: 'unavailable', breaker: 'open' },
    });
  });

  it('probes an open breaker itself and closes it once WHMCS is back', async () => {
    tripBreaker();
    const before = sim.calls.length;

    const { status, body } = await ready();

    expect(status).toBe(200);
    expect(body).toMatchObject({ checks: { breaker: 'closed' } });
    expect(sim.calls.length - before).toBe(1);
  });

  it('names the kind of a WHMCS misconfiguration, never its text', async () => {
    faults.set({ rules: [{ fail: 'invalid_ip' }] });

    const { body } = await ready();

    expect(body).toMatchObject({ checks: { whmcs: 'misconfigured' } });
    expect(JSON.stringify(body)).not.toMatch(/Invalid IP|127\.0\.0\.1|test-secret/);
  });

  it('is 503 when the store does not answer, and raises a store alert', async () => {
    ping.mockRejectedValue(new Error('connect ECONNREFUSED 127.0.0.1:6379'));

    const { status, body } = await ready();

    expect(status).toBe(503);
    expect(body).toMatchObject({ checks: { store: 'unavailable', whmcs: 'ok' } });
    expect(JSON.stringify(body)).not.toContain('6379');
    expect(events('alert.raised')).toEqual([
      expect.objectContaining({ alert: 'store_failure' }),
    ]);
  });

  it('asks WHMCS at most once in a few seconds, however often it is asked', async () => {
    const before = sim.calls.length;

    await Promise.all([ready(), ready(), ready()]);

    expect(sim.calls.length - before).toBe(1);
  });
});
