import '../support/next-cookies';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/auth/password/route';
import { StoreUnavailableError } from '@/lib/store/types';
import { createSimulator } from '@/whmcs-sim/core';
import { whmcsHandlers } from '@/whmcs-sim/msw';
import { DEFAULT_CREDENTIALS, DEMO_PASSWORD } from '@/whmcs-sim/seed';
import { jar } from '../support/next-cookies';

// The login form's handler, attacked: floods from one address or at one
// account, forged client addresses, cross-site posts and a store outage.

const sim = createSimulator({ credentials: DEFAULT_CREDENTIALS });
const server = setupServer(...whmcsHandlers(sim, 'http://127.0.0.1:9'));
const STORE = Symbol.for('kraken.store');

beforeAll(() => {
  process.env.WHMCS_API_IDENTIFIER = DEFAULT_CREDENTIALS.identifier;
  process.env.WHMCS_API_SECRET = DEFAULT_CREDENTIALS.secret;
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => server.close());
beforeEach(() => {
  delete (globalThis as Record<symbol, unknown>)[STORE];
  jar.clear();
});

function post(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return POST(
    new Request('http://localhost:3000/api/auth/password', {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: {
        'sec-fetch-site': 'same-origin',
        'x-forwarded-for': '198.51.100.7',
        ...headers,
      },
    }),
  );
}

describe('POST /api/auth/password', () => {
  it('signs in and sends the browser on with 303', async () => {
    const response = await post({
      email: 'alice@kraken.example',
      password: DEMO_PASSWORD,
    });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/dashboard');
  });

  it('sends a wrong password back to the form with a generic error code', async () => {
    const response = await post({ email: 'alice@kraken.example', password: 'wrong' });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?error=invalid');
  });

  it('answers 429 with Retry-After once one account has had too many attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const ip = `203.0.113.${i + 1}`;
      const r = await post(
        { email: 'alice@kraken.example', password: 'x' },
        { 'x-forwarded-for': ip },
      );
      statuses.push(r.status);
    }
    const last = await post({ email: 'alice@kraken.example', password: DEMO_PASSWORD });

    expect(statuses.slice(0, 10).every((s) => s === 303)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await last.text()).toContain('Too many sign-in attempts');
  });

  it('sends a browser that is refused back to the sign-in page, saying until when', async () => {
    for (let i = 0; i < 10; i += 1) {
      await post(
        { email: 'alice@kraken.example', password: 'x' },
        { 'x-forwarded-for': `203.0.113.${i + 1}` },
      );
    }
    const before = Math.floor(Date.now() / 1000);

    const response = await post(
      { email: 'alice@kraken.example', password: DEMO_PASSWORD, next: '/invoices' },
      { 'sec-fetch-mode': 'navigate', accept: 'text/html' },
    );

    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') ?? '', 'http://x');
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('error')).toBe('limited');
    expect(location.searchParams.get('next')).toBe('/invoices');
    const until = Number(location.searchParams.get('until'));
    expect(until).toBeGreaterThan(before);
    expect(until).toBeLessThanOrEqual(before + 15 * 60 + 5);
    expect(jar.has('kp_session')).toBe(false);
  });

  it('counts by the real peer, however X-Forwarded-For is rotated in front of it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      // server/peer-address.mjs appends the TCP peer; the forged entries are to its left.
      const forged = `10.0.${i}.1, 192.0.2.${i}`;
      const r = await post(
        { email: `nobody${i}@kraken.example`, password: 'x' },
        { 'x-forwarded-for': `${forged}, 198.51.100.99` },
      );
      statuses.push(r.status);
    }

    expect(statuses.filter((s) => s === 429).length).toBe(10);
  });

  it('refuses a cross-site post before looking at it', async () => {
    const response = await post(
      { email: 'alice@kraken.example', password: DEMO_PASSWORD },
      { 'sec-fetch-site': 'cross-site' },
    );

    expect(response.status).toBe(403);
    expect(jar.size).toBe(0);
  });

  it('fails closed with 503 when the store cannot count attempts', async () => {
    const down = () => Promise.reject(new StoreUnavailableError('down'));
    (globalThis as Record<symbol, unknown>)[STORE] = {
      rateLimits: { hit: down },
      logins: { add: down },
      sessions: { create: down },
    };

    const response = await post({
      email: 'alice@kraken.example',
      password: DEMO_PASSWORD,
    });

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBeTruthy();
    expect(jar.has('kp_session')).toBe(false);
  });

  it('takes as long for an unknown email as for a wrong password', async () => {
    const median = (xs: number[]) =>
      xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
    const timed = async (email: string) => {
      const started = performance.now();
      const response = await post(
        { email, password: 'wrong' },
        {
          'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 200) + 1}`,
        },
      );
      expect(response.headers.get('location')).toBe('/login?error=invalid');
      return performance.now() - started;
    };
    await timed('warm-up@kraken.example');
    // Back to back, in alternating order, compared pair by pair: a slow spell
    // on a busy machine hits both halves of a pair, not one kind of attempt.
    const gaps: number[] = [];
    // Eight wrong passwords for Sam: under the account's sign-in limit.
    for (let i = 0; i < 8; i += 1) {
      const unknown = `nobody${i}@kraken.example`;
      if (i % 2 === 0) {
        const k = await timed('sam@kraken.example');
        gaps.push(k - (await timed(unknown)));
      } else {
        const u = await timed(unknown);
        gaps.push((await timed('sam@kraken.example')) - u);
      }
    }

    expect(Math.abs(median(gaps))).toBeLessThan(25);
  });
});
