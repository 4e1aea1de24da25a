import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '@/whmcs-sim/core';
import { DEFAULT_CREDENTIALS } from '@/whmcs-sim/demo-accounts';
import { whmcsHandlers } from '@/whmcs-sim/msw';
import { TEST_NOW } from '../support/sim-http';

const ROOT = 'https://billing.kraken.example/whmcs';
const sim = createSimulator({ now: TEST_NOW, credentials: DEFAULT_CREDENTIALS });
const server = setupServer(...whmcsHandlers(sim, `${ROOT}/`));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const form = (fields: Record<string, string>) =>
  new URLSearchParams({ ...DEFAULT_CREDENTIALS, responsetype: 'json', ...fields });

describe('msw handlers', () => {
  it('answers through the same simulator core', async () => {
    const before = sim.calls.length;

    const response = await fetch(`${ROOT}/includes/api.php`, {
      method: 'POST',
      body: form({ action: 'GetClientsDetails', clientid: '1' }),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      client: { companyname: 'Moreau Design' },
    });
    expect(sim.calls.slice(before).map((c) => c.action)).toEqual(['GetClientsDetails']);
  });

  it('keeps the 403 status and JSON body of a refused credential', async () => {
    const response = await fetch(`${ROOT}/includes/api.php`, {
      method: 'POST',
      body: form({ action: 'GetStats', secret: 'wrong' }),
    });

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      result: 'error',
      message: 'Authentication Failed',
    });
  });

  it('answers other methods with 405', async () => {
    const response = await fetch(`${ROOT}/includes/api.php`);

    expect(response.status).toBe(405);
  });
});
