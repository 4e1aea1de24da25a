import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { observeHttpRequests, routeOf } from '@/lib/metrics/http';
import { recordRateLimited, registerActiveSessions, renderMetrics } from '@/lib/metrics';
import { securityEvent } from '@/lib/security/events';
import { whmcsBreaker } from '@/lib/whmcs/protection';
import { schemas } from '@/lib/whmcs/schemas';
import { call } from '@/lib/whmcs/transport';
import { createSimulator } from '@/whmcs-sim/core';
import { createFaults } from '@/whmcs-sim/faults';
import { whmcsHandlers } from '@/whmcs-sim/msw';
import { clearLines, events } from '../support/log-capture';
import { TEST_NOW } from '../support/sim-http';

// GET /api/metrics: who may read it, and what it says about WHMCS, the breaker,
// sign-ins, rate limits, sessions and HTTP requests.

vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());
const TOKEN = 'metrics-token-0123456789abcdef0123456789abcdef';

const credentials = { identifier: 'test-identifier', secret: 'test-secret' };
const sim = createSimulator({ now: TEST_NOW, credentials });
const faults = createFaults();
const server = setupServer(...whmcsHandlers(sim, 'http://127.0.0.1:9/', { faults }));
beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => {
  faults.clear();
  clearLines();
  vi.unstubAllEnvs();
  vi.resetModules();
});
afterAll(() => server.close());

/** The route handler with a fresh settings module, as a server started with `token`. */
async function scrape(token: string | undefined, authorization?: string) {
  vi.stubEnv('METRICS_TOKEN', token);
  vi.resetModules();
  const { GET } = await import('@/app/api/metrics/route');
  const headers = authorization ? { authorization } : undefined;

  return GET(new Request('http://portal.test/api/metrics', { headers }));
}

const departments = () =>
  call('GetSupportDepartments', {}, schemas.GetSupportDepartments);

describe('access', () => {
  it('does not exist without METRICS_TOKEN', async () => {
    const response = await scrape(undefined, `Bearer ${TOKEN}`);

    expect(response.status).toBe(404);
  });

  it.each([undefined, 'Bearer wrong', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`])(
    'answers 401 to authorization %s',
    async (authorization) => {
      const response = await scrape(TOKEN, authorization);

      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await response.text()).not.toContain('kraken_');
    },
  );

  it('serves Prometheus text to the right bearer token', async () => {
    const response = await scrape(TOKEN, `Bearer ${TOKEN}`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await response.text()).toMatch(/^# HELP kraken_/m);
  });

  it('logs a refused scrape as a security event', async () => {
    await scrape(TOKEN, 'Bearer nope');

    expect(events('security.metrics.refused')).toHaveLength(1);
  });
});

describe('what it reports', () => {
  it('a tripped breaker', async () => {
    faults.set({ rules: [{ fail: 'http503' }] });
    for (let i = 0; i < 2; i += 1) await departments().catch(() => null);

    const text = await renderMetrics();

    expect(whmcsBreaker().state).toBe('open');
    expect(text).toContain('kraken_whmcs_breaker_state{state="open"} 1');
    expect(text).toContain('kraken_whmcs_breaker_state{state="closed"} 0');
    expect(text).toContain(
      'kraken_whmcs_calls_total{action="GetSupportDepartments",outcome="circuit_open"} 1',
    );
  });

  it('WHMCS calls by action and outcome, with a latency histogram', async () => {
    await departments();

    const text = await renderMetrics();

    expect(text).toContain(
      'kraken_whmcs_calls_total{action="GetSupportDepartments",outcome="ok"} 1',
    );
    expect(text).toMatch(
      /kraken_whmcs_call_duration_seconds_bucket\{action="GetSupportDepartments",le="\+Inf"\} 1/,
    );
    expect(text).toMatch(
      /kraken_whmcs_call_duration_seconds_count\{action="GetSupportDepartments"\} 1/,
    );
  });

  it('sign-in successes and failures, rate-limit refusals and live sessions', async () => {
    await securityEvent('auth.login.failed', { ip: '192.0.2.1', account: 'a1' });
    await securityEvent('auth.login.succeeded', { userId: 1 });
    recordRateLimited('signin');
    registerActiveSessions('customer', async () => 7);

    const text = await renderMetrics();

    expect(text).toContain('kraken_sign_ins_total{realm="customer",outcome="failure"} 1');
    expect(text).toContain('kraken_sign_ins_total{realm="customer",outcome="success"} 1');
    expect(text).toContain('kraken_rate_limited_total{scope="signin"} 1');
    expect(text).toContain('kraken_active_sessions{realm="customer"} 7');
  });

  it('HTTP requests by route pattern and status', async () => {
    observeHttpRequests();
    const site = createServer((req, res) => {
      res.statusCode = req.url === '/invoices/42' ? 404 : 200;
      res.end();
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;

    for (const path of ['/invoices/42', '/dashboard', '/dashboard?x=1'])
      await (await fetch(base + path)).arrayBuffer();
    site.close();
    const text = await renderMetrics();

    expect(text).toContain(
      'kraken_http_requests_total{route="/invoices/[id]",status="404"} 1',
    );
    expect(text).toContain(
      'kraken_http_requests_total{route="/dashboard",status="200"} 2',
    );
  });

  it('keeps invented paths in one series', () => {
    expect(routeOf('/wp-admin/setup.php')).toBe('other');
    expect(routeOf('/_next/static/chunks/app.js')).toBe('/_next/static');
    expect(routeOf('/tickets/7?x=1')).toBe('/tickets/[id]');
  });
});
