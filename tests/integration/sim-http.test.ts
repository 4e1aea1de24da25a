import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@/whmcs-sim/server';
import { DEFAULT_CREDENTIALS } from '@/whmcs-sim/demo-accounts';
import { api, post, TEST_NOW } from '../support/sim-http';

describe('simulator HTTP protocol', () => {
  let running: RunningSimulator;
  beforeAll(async () => {
    running = await startSimulator({ now: TEST_NOW });
  });
  afterAll(() => running.close());

  it('matches the action name without regard to case', async () => {
    const lower = await api(running.url, 'getclientsdetails', { clientid: '1' });
    const upper = await api(running.url, 'GETCLIENTSDETAILS', { clientid: '1' });

    expect(lower.result).toBe('success');
    expect(upper).toEqual(lower);
  });

  it('rejects an unknown action, quoting it in lower case', async () => {
    const answer = await api(running.url, 'AddPromotion');

    expect(answer).toEqual({
      result: 'error',
      message: 'Invalid API Action: "addpromotion" is not a valid API action',
    });
  });

  it('reports a business error as HTTP 200 with result=error', async () => {
    const answer = await post(running.url, {
      action: 'GetInvoice',
      invoiceid: '999999',
      responsetype: 'json',
    });

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({
      result: 'error',
      message: 'Invoice ID Not Found',
    });
  });

  it('escapes slashes and non-ASCII text the way PHP json_encode does', async () => {
    const answer = await post(running.url, {
      action: 'GetClientsDetails',
      clientid: '1',
      responsetype: 'json',
    });

    expect(answer.text).toMatch(/"lastlogin":"Date: \d\d\\\/\d\d\\\/\d{4}/);
    expect(answer.text).toContain('"state":"Rh\\u00f4ne"');
    expect(answer.text).not.toMatch(/[^\x00-\x7f]/);
  });

  it('serves the API under a sub-folder root too', async () => {
    const answer = await api(`${running.url}/billing`, 'GetSupportDepartments');

    expect(answer.result).toBe('success');
  });

  it('answers 405 to other methods and 404 to other paths', async () => {
    const get = await fetch(`${running.url}/includes/api.php`);
    const other = await fetch(`${running.url}/clientarea.php`, { method: 'POST' });

    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(other.status).toBe(404);
  });

  it('logs every call it receives, refused ones included', async () => {
    const before = running.sim.calls.length;

    await api(running.url, 'GetStats');
    await post(
      running.url,
      { action: 'GetStats' },
      { ...DEFAULT_CREDENTIALS, secret: 'x' },
    );

    const recent = running.sim.calls.slice(before);
    expect(recent.map((c) => [c.action, c.status, c.result])).toEqual([
      ['GetStats', 200, 'success'],
      ['GetStats', 403, 'error'],
    ]);
  });
});

describe('simulator start-up options', () => {
  it('waits the configured latency before answering', async () => {
    const slow = await startSimulator({ now: TEST_NOW, latencyMs: 150 });
    const started = performance.now();

    await api(slow.url, 'GetStats');

    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    await slow.close();
  });

  it('refuses to listen anywhere but loopback', async () => {
    await expect(startSimulator({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});
