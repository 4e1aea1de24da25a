import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CircuitBreaker } from '@/lib/whmcs/breaker';
import { Limiter } from '@/lib/whmcs/limiter';
import { resetProtection, whmcsBreaker } from '@/lib/whmcs/protection';
import { schemas } from '@/lib/whmcs/schemas';
import { call } from '@/lib/whmcs/transport';
import { createSimulator } from '@/whmcs-sim/core';
import { createFaults } from '@/whmcs-sim/faults';
import { whmcsHandlers } from '@/whmcs-sim/msw';
import { clearLines, events } from '../support/log-capture';
import { TEST_NOW } from '../support/sim-http';

// The circuit breaker and the in-flight limit, seen from the simulator's side:
// how many calls actually reach WHMCS, and how many at once.

vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());
process.env.WHMCS_BREAKER_THRESHOLD = '3';
process.env.WHMCS_MAX_IN_FLIGHT = '4';

const API = 'http://127.0.0.1:9/includes/api.php';
const credentials = { identifier: 'test-identifier', secret: 'test-secret' };
const sim = createSimulator({ now: TEST_NOW, credentials });
const faults = createFaults();
const server = setupServer(...whmcsHandlers(sim, 'http://127.0.0.1:9/', { faults }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  faults.clear();
  clearLines();
  server.resetHandlers();
});
afterAll(() => server.close());

const departments = () =>
  call('GetSupportDepartments', {}, schemas.GetSupportDepartments);
const settle = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );
const received = () => sim.calls.length;

describe('the circuit breaker in the transport', () => {
  it('opens after three failed attempts and then fails fast without calling WHMCS', async () => {
    faults.set({ rules: [{ fail: 'http503' }] });
    await settle(departments());
    const before = received();

    const error = await settle(departments());

    expect(whmcsBreaker().state).toBe('open');
    expect(received()).toBe(before);
    expect(error).toMatchObject({ kind: 'unavailable', reason: 'circuit open' });
    await vi.waitFor(() => expect(events('whmcs.breaker.opened')).toHaveLength(1));
  });

  it('closes again when the probe after the cool-down succeeds', async () => {
    const clock = { now: 0 };
    resetProtection({
      breaker: new CircuitBreaker({
        threshold: 3,
        cooldownMs: 30_000,
        now: () => clock.now,
      }),
    });
    faults.set({ rules: [{ fail: 'http502' }] });
    await settle(departments());
    faults.clear();

    clock.now += 30_000;
    const before = received();
    const answer = await departments();

    expect(answer.length).toBeGreaterThan(0);
    expect(received() - before).toBe(1);
    expect(whmcsBreaker().state).toBe('closed');
  });
});

describe('the in-flight limit', () => {
  it('lets no more than WHMCS_MAX_IN_FLIGHT of 100 parallel calls reach WHMCS at once', async () => {
    let active = 0;
    let peak = 0;
    server.use(
      http.post(API, async () => {
        active += 1;
        peak = Math.max(peak, active);
        await delay(10);
        active -= 1;
        return HttpResponse.json({ result: 'success', departments: { department: [] } });
      }),
    );

    const results = await Promise.allSettled(Array.from({ length: 100 }, departments));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(100);
    expect(peak).toBe(4);
  });

  it('turns a wait longer than the queue timeout into "unavailable" without a call', async () => {
    resetProtection({ limiter: new Limiter(1, 20) });
    faults.set({ rules: [{ latencyMs: 200 }] });
    const before = received();

    const [first, second] = await Promise.all([departments(), settle(departments())]);

    expect(first).toBeInstanceOf(Array);
    expect(second).toMatchObject({
      kind: 'unavailable',
      reason: 'too many calls in flight',
    });
    expect(received() - before).toBe(1);
    expect(events('whmcs.call').map((l) => l.outcome)).toContain('error');
  });
});
