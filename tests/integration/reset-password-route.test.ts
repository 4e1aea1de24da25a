import '../support/next-cookies';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/api/auth/reset-password/route';
import { store } from '@/lib/store';
import { StoreUnavailableError } from '@/lib/store/types';
import { createSimulator } from '@/whmcs-sim/core';
import { whmcsHandlers } from '@/whmcs-sim/msw';
import { DEFAULT_CREDENTIALS } from '@/whmcs-sim/seed';
import { events } from '../support/log-capture';

// "Forgot your password?": WHMCS sends the email for a known login; the
// portal answers a known and an unknown address exactly alike, counts requests
// against the sign-in limits, refuses cross-site posts and fails closed.

vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());

const sim = createSimulator({ credentials: DEFAULT_CREDENTIALS });
const server = setupServer(...whmcsHandlers(sim, 'http://127.0.0.1:9'));

beforeAll(() => {
  process.env.WHMCS_API_IDENTIFIER = DEFAULT_CREDENTIALS.identifier;
  process.env.WHMCS_API_SECRET = DEFAULT_CREDENTIALS.secret;
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => server.close());
beforeEach(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('kraken.store')];
  vi.restoreAllMocks();
});

function post(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return POST(
    new Request('http://localhost:3000/api/auth/reset-password', {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: {
        'sec-fetch-site': 'same-origin',
        'x-forwarded-for': '198.51.100.9',
        ...headers,
      },
    }),
  );
}

async function seen(response: Response) {
  return {
    status: response.status,
    location: response.headers.get('location'),
    headers: [...response.headers.keys()].sort(),
    body: await response.text(),
  };
}

const resets = () => sim.state.passwordResets.map((r) => r.email);
const resetCalls = () => sim.calls.filter((c) => c.action === 'ResetPassword').length;

describe('POST /api/auth/reset-password', () => {
  it('has WHMCS email a known login', async () => {
    const before = resets().length;

    const response = await post({ email: 'Alice@kraken.example' });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login/reset?sent=1');
    expect(resets().slice(before)).toEqual(['alice@kraken.example']);
  });

  it('answers a known and an unknown address exactly alike', async () => {
    const calls = resetCalls();

    const known = await seen(await post({ email: 'sam@kraken.example' }));
    const unknown = await seen(await post({ email: 'nobody@kraken.example' }));

    expect(unknown).toEqual(known);
    // Both really asked WHMCS: the unknown address is not answered from a shortcut.
    expect(resetCalls() - calls).toBe(2);
    const outcomes = events('auth.reset.requested').map((e) => e.outcome);
    expect(outcomes.slice(-2)).toEqual(['sent', 'unknown']);
  });

  it('never writes the address into a log line', async () => {
    await post({ email: 'secure@kraken.example' });

    const line = events('auth.reset.requested').at(-1);
    expect(JSON.stringify(line)).not.toContain('secure@');
    expect(line?.account).toMatch(/^[0-9a-f]{32}$/);
  });

  it('sends a malformed address back to the form without asking WHMCS', async () => {
    const calls = resetCalls();

    const response = await post({ email: 'not an email' });

    expect(response.headers.get('location')).toBe('/login/reset?error=input');
    expect(resetCalls()).toBe(calls);
  });

  it('stops at the per-account limit with 429, known address or not', async () => {
    for (const email of ['alice@kraken.example', 'ghost@kraken.example']) {
      const answers: number[] = [];
      for (let i = 0; i < 11; i += 1) {
        answers.push(
          (await post({ email }, { 'x-forwarded-for': `203.0.113.${i}` })).status,
        );
      }
      expect(answers.slice(0, 10).every((s) => s === 303)).toBe(true);
      const last = await post({ email }, { 'x-forwarded-for': '203.0.113.99' });
      expect(last.status).toBe(429);
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('stops one address spraying many accounts (per-address limit)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) {
      statuses.push((await post({ email: `person${i}@kraken.example` })).status);
    }

    expect(statuses.slice(0, 20).every((s) => s === 303)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('counts under keys of its own, apart from sign-in attempts', async () => {
    await post({ email: 'alice@kraken.example' });

    // A limit of one: the key already holds the reset, the sign-in key nothing.
    const ip = '198.51.100.9';
    const reset = await store().rateLimits.hit(`signin:customer:reset:ip:${ip}`, 1, 900);
    const signIn = await store().rateLimits.hit(`signin:customer:ip:${ip}`, 1, 900);
    expect([reset.allowed, signIn.allowed]).toEqual([false, true]);
  });

  it.each<Record<string, string>>([
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': '', origin: 'http://evil.example', host: 'localhost:3000' },
  ])('refuses a cross-site post (%j)', async (headers) => {
    const calls = resetCalls();

    const response = await post({ email: 'alice@kraken.example' }, headers);

    expect(response.status).toBe(403);
    expect(resetCalls()).toBe(calls);
  });

  it('fails closed with 503 when the store cannot count', async () => {
    vi.spyOn(store().rateLimits, 'hit').mockRejectedValue(
      new StoreUnavailableError('down'),
    );
    const calls = resetCalls();

    const response = await post({ email: 'alice@kraken.example' });

    expect(response.status).toBe(503);
    expect(resetCalls()).toBe(calls);
  });
});
