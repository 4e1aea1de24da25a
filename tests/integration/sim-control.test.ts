import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@/whmcs-sim/server';
import { api, TEST_NOW } from '../support/sim-http';

let running: RunningSimulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function control(path: string, method = 'GET') {
  const response = await fetch(`${running?.url}${path}`, { method });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('simulator call-count control', () => {
  it('counts the calls received, by action', async () => {
    running = await startSimulator({ now: TEST_NOW, control: true });
    await api(running.url, 'GetSupportDepartments');
    await api(running.url, 'GetClientsDetails', { clientid: '1' });
    await api(running.url, 'GetSupportDepartments');

    const counted = await control('/__sim/calls');

    expect(counted).toEqual({
      status: 200,
      // The second GetSupportDepartments repeats the first exactly: one duplicate.
      body: {
        total: 3,
        byAction: { GetSupportDepartments: 2, GetClientsDetails: 1 },
        duplicates: 1,
      },
    });
  });

  it('starts counting again from zero after a reset', async () => {
    running = await startSimulator({ now: TEST_NOW, control: true });
    await api(running.url, 'GetSupportDepartments');

    const reset = await control('/__sim/reset', 'POST');
    await api(running.url, 'GetSupportDepartments');
    const counted = await control('/__sim/calls');

    expect(reset.body).toEqual({ total: 0, byAction: {}, duplicates: 0 });
    expect(counted.body).toEqual({
      total: 1,
      byAction: { GetSupportDepartments: 1 },
      duplicates: 0,
    });
  });

  it('refuses a reset by GET', async () => {
    running = await startSimulator({ now: TEST_NOW, control: true });

    const answer = await control('/__sim/reset');

    expect(answer.status).toBe(405);
  });

  it('has no control endpoints unless started with control on', async () => {
    running = await startSimulator({ now: TEST_NOW });

    const response = await fetch(`${running.url}/__sim/calls`);

    expect(response.status).toBe(404);
  });
});
