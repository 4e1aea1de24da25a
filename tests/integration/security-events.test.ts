import { afterEach, describe, expect, it, vi } from 'vitest';
import { securityEvent } from '@/lib/auth/events';
import { renderMetrics } from '@/lib/metrics';
import { clearLines, events } from '../support/log-capture';

// The sign-in and session code records its events through lib/auth/events.ts;
// each becomes one log line with the request id, a metric and input to the
// alert rules.

vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());
const requestHeaders = vi.hoisted(() => ({ current: null as Headers | null }));
vi.mock('next/headers', () => ({
  headers: async () => {
    if (!requestHeaders.current)
      throw new Error('`headers` was called outside a request scope');
    return requestHeaders.current;
  },
}));
afterEach(() => {
  clearLines();
  requestHeaders.current = null;
});

const ID = '5f0c2a4e-8d1b-4c3a-9e7f-0a1b2c3d4e5f';

describe('a security event', () => {
  it('a refusal by the request limit counts under its scope', async () => {
    securityEvent('security.rate_limited', { scope: 'requests' });

    await vi.waitFor(() => expect(events('security.rate_limited')).toHaveLength(1));
    expect(await renderMetrics()).toContain(
      'kraken_rate_limited_total{scope="requests"} 1',
    );
  });

  it('carries the request id the proxy stamped', async () => {
    requestHeaders.current = new Headers({
      'x-request-id': ID,
      'x-forwarded-for': '192.0.2.9',
    });

    securityEvent('auth.logout', { userId: 1 });

    await vi.waitFor(() => expect(events('auth.logout')).toHaveLength(1));
    expect(events('auth.logout')[0]).toMatchObject({ requestId: ID, userId: 1 });
  });

  it('outside a request says so instead of failing', async () => {
    securityEvent('store.unavailable', { during: 'proxy' });

    await vi.waitFor(() => expect(events('store.unavailable')).toHaveLength(1));
    expect(events('store.unavailable')[0]).toMatchObject({ requestId: 'none' });
  });

  it('five failed sign-ins for one account raise an alert', async () => {
    for (let i = 0; i < 5; i += 1)
      securityEvent('auth.login.failed', { ip: `203.0.113.${i}`, account: 'k1' });

    await vi.waitFor(() => expect(events('alert.raised')).toHaveLength(1));
    expect(events('alert.raised')[0]).toMatchObject({
      alert: 'signin_failures_account',
      key: 'k1',
      level: 40,
    });
  });

  it('a refusal by a sign-in limit counts as a rate-limit refusal', async () => {
    securityEvent('auth.login.rate_limited', { realm: 'customer', ip: '192.0.2.1' });

    await vi.waitFor(() => expect(events('auth.login.rate_limited')).toHaveLength(1));
    expect(await renderMetrics()).toContain(
      'kraken_rate_limited_total{scope="signin_customer"} 1',
    );
  });
});
