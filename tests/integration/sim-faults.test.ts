import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FaultKind, type FaultRule } from '@/whmcs-sim/faults';
import { startSimulator, type RunningSimulator } from '@/whmcs-sim/server';
import { api, post, TEST_NOW } from '../support/sim-http';

// The simulator's fault plan over real HTTP: what each fault looks like on the
// wire, which calls a rule hits, and the seeded random share.

let running: RunningSimulator;
beforeAll(async () => {
  running = await startSimulator({ now: TEST_NOW, control: true });
});
afterEach(() => running.faults.clear());
afterAll(() => running.close());

const invoices = { action: 'GetInvoices', userid: '1', responsetype: 'json' };
const only = (fail: FaultKind, rule: FaultRule = {}) =>
  running.faults.set({ rules: [{ action: 'GetInvoices', fail, ...rule }] });

const WIRE: [FaultKind, number, RegExp, RegExp][] = [
  ['http500', 500, /html/, /500/],
  ['http502', 502, /html/, /502/],
  ['http503', 503, /html/, /503/],
  ['html', 200, /html/, /Down for Maintenance/],
  ['truncated', 200, /json/, /^\{"result":"success"/],
  ['malformed', 200, /json/, /^PHP Notice: .*\n\{"result":"success"/],
  [
    'invalid_ip',
    403,
    /json/,
    /^\{"result":"error","message":"Invalid IP 127\.0\.0\.1"\}$/,
  ],
  ['auth_failed', 403, /json/, /"message":"Authentication Failed"/],
  ['role_gap', 403, /json/, /Invalid Permissions: API action \\"getinvoices\\" is not/],
];

describe('each fault on the wire', () => {
  it.each(WIRE)('%s answers status %i', async (fault, status, type, body) => {
    only(fault);

    const answer = await post(running.url, invoices);

    expect(answer.status).toBe(status);
    expect(answer.contentType).toMatch(type);
    expect(answer.text).toMatch(body);
  });

  it('truncated JSON does not parse', async () => {
    only('truncated');

    const answer = await post(running.url, invoices);

    expect(() => JSON.parse(answer.text) as unknown).toThrow();
  });

  it('timeout sends no answer at all', async () => {
    only('timeout');

    const outcome = await fetch(`${running.url}/includes/api.php`, {
      method: 'POST',
      body: new URLSearchParams(invoices),
      signal: AbortSignal.timeout(300),
    }).then(
      () => 'answered',
      (error: Error) => error.name,
    );

    expect(outcome).toBe('TimeoutError');
  });
});

describe('which calls a plan hits', () => {
  it('a rule for one action leaves the others alone', async () => {
    only('http503');

    const tickets = await api(running.url, 'GetTickets', { clientid: '1' });

    expect(tickets.result).toBe('success');
  });

  it('a rule without an action hits every action', async () => {
    running.faults.set({ rules: [{ fail: 'html' }] });

    const answers = await Promise.all(
      ['GetTickets', 'GetSupportDepartments'].map((a) =>
        post(running.url, { action: a }),
      ),
    );

    expect(answers.map((a) => a.text)).toEqual([
      expect.stringContaining('Maintenance'),
      expect.stringContaining('Maintenance'),
    ]);
  });

  it('fails the given share of calls, the same ones for the same seed', async () => {
    const run = async () => {
      running.faults.set({ seed: 42, rules: [{ rate: 0.25, fail: 'http502' }] });
      const statuses = [];
      for (let i = 0; i < 200; i += 1)
        statuses.push(
          (await post(running.url, { action: 'GetSupportDepartments' })).status,
        );
      return statuses;
    };

    const [first, second] = [await run(), await run()];
    const failed = first.filter((s) => s === 502).length;

    expect(failed).toBeGreaterThan(30);
    expect(failed).toBeLessThan(70);
    expect(second).toEqual(first);
    expect(running.faults.injected.http502).toBe(failed);
  });

  it('delays by a fixed or a random amount within the range', async () => {
    running.faults.set({ rules: [{ latencyMs: [150, 250] }] });

    const started = performance.now();
    const answer = await api(running.url, 'GetSupportDepartments');
    const took = performance.now() - started;

    expect(answer.result).toBe('success');
    expect(took).toBeGreaterThanOrEqual(145);
    expect(took).toBeLessThan(1_000);
  });

  it('lets a write take effect even when its answer is lost', async () => {
    running.faults.set({ rules: [{ action: 'OpenTicket', fail: 'http502' }] });
    const ticket = { clientid: '1', deptid: '1', subject: 'Lost answer', message: 'x' };

    const sent = await post(running.url, { action: 'OpenTicket', ...ticket });
    const list = await api(running.url, 'GetTickets', { clientid: '1', limitnum: '200' });

    expect(sent.status).toBe(502);
    expect(JSON.stringify(list)).toContain('Lost answer');
  });

  it('a refusal stops the call before it runs but is still counted as received', async () => {
    only('role_gap');
    const before = running.sim.calls.length;

    await post(running.url, invoices);

    expect(running.sim.calls.slice(before)).toEqual([
      expect.objectContaining({ action: 'GetInvoices', status: 403, result: 'error' }),
    ]);
  });
});
