import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { observeHttpRequests, routeOf } from '@/lib/metrics/http';
import { recordRateLimited, registerActiveSessions, renderMetrics } from '@/lib/metrics';
import { securityEvent } from '@/lib/security/events';
import type { SessionRecord } from '@/lib/store/types';
import { whmcsBreaker } from '@/lib/whmcs/protection';
import { schemas } from '@/lib/whmcs/schemas';
import { call } from '@/lib/whmcs/transport';
import { createSimulator } from '@/whmcs-sim/core';
import { createFaults } from '@/whmcs-sim/faults';
import { whmcsHandlers } from '@/whmcs-sim/msw';
import { clearLines } from '../support/log-capture';
import { TEST_NOW } from '../support/sim-http';

// What GET /api/metrics says about WHMCS, the breaker, sign-ins, rate limits,
// sessions and HTTP requests (who may read it: metrics-access.test.ts).

vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());

const credentials = { identifier: 'test-identifier', secret: 'test-secret' };
const sim = createSimulator({ now: TEST_NOW, credentials });
const faults = createFaults();
const server = setupServer(...whmcsHandlers(sim, 'http://127.0.0.1:9/', { faults }));
beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => {
  faults.clear();
  clearLines();
});
afterAll(() => server.close());

const departments = () =>
  call('GetSupportDepartments', {}, schemas.GetSupportDepartments);

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

  it('live sessions as the session store counts them', async () => {
    const { countSessionsFromStore } = await import('@/lib/metrics/sessions');
    const { store } = await import('@/lib/store');
    const now = Math.floor(Date.now() / 1000);
    const record: SessionRecord = {
      sid: `s-${now}`,
      realm: 'customer',
      subject: '1',
      clientId: 1,
      jti: 'j1',
      prevJti: null,
      rotatedAt: null,
      createdAt: now,
      lastSeenAt: now,
      authAt: now,
      expiresAt: now + 3600,
      revokedAt: null,
      revokedReason: null,
      ip: '192.0.2.1',
      userAgent: 'test',
    };
    await store().sessions.create(record, 5);
    countSessionsFromStore();

    const text = await renderMetrics();

    expect(text).toMatch(/kraken_active_sessions\{realm="customer"\} [1-9]/);
    expect(text).toContain('kraken_active_sessions{realm="admin"} 0');
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
