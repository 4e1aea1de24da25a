import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FaultKind, type FaultRule } from '@/whmcs-sim/faults';
import { startSimulator, type RunningSimulator } from '@/whmcs-sim/server';
import { post, TEST_NOW } from '../support/sim-http';

// The simulator's fault plan over HTTP at /__sim/faults (control on, loopback).

let running: RunningSimulator;
beforeAll(async () => {
  running = await startSimulator({ now: TEST_NOW, control: true });
});
afterEach(() => running.faults.clear());
afterAll(() => running.close());

const only = (fail: FaultKind, rule: FaultRule = {}) =>
  running.faults.set({ rules: [{ action: 'GetInvoices', fail, ...rule }] });

describe('the control endpoint', () => {
  const control = `/__sim/faults`;

  it('replaces, shows and clears the plan', async () => {
    const rules = [{ action: 'GetTickets', fail: 'http500' }];

    const put = await fetch(running.url + control, {
      method: 'PUT',
      body: JSON.stringify({ rules }),
    });
    const hit = await post(running.url, { action: 'GetTickets' });
    const shown = (await (await fetch(running.url + control)).json()) as object;
    await fetch(running.url + control, { method: 'DELETE' });
    const after = await post(running.url, { action: 'GetTickets', responsetype: 'json' });

    expect(put.status).toBe(200);
    expect(hit.status).toBe(500);
    expect(shown).toMatchObject({ plan: { rules }, injected: { http500: 1 } });
    expect(after.status).toBe(200);
  });

  it('refuses an unknown fault with 400 and keeps the old plan', async () => {
    only('http503');

    const put = await fetch(running.url + control, {
      method: 'PUT',
      body: JSON.stringify({ rules: [{ fail: 'gremlins' }] }),
    });

    expect(put.status).toBe(400);
    expect(running.faults.plan.rules).toHaveLength(1);
  });

  it('is not served without the control option', async () => {
    const plain = await startSimulator({ now: TEST_NOW });

    const answer = await fetch(plain.url + control);
    await plain.close();

    expect(answer.status).toBe(404);
  });

  it('counts the most requests it was answering at once', async () => {
    running.faults.set({ rules: [{ latencyMs: 100 }] });

    await Promise.all(
      Array.from({ length: 5 }, () =>
        post(running.url, { action: 'GetSupportDepartments' }),
      ),
    );

    expect(running.faults.load).toEqual({ inFlight: 0, peak: 5 });
  });
});
