import { afterEach, describe, expect, it, vi } from 'vitest';
// Loaded once here, so the handlers loaded afresh below log into these lines.
import '@/lib/log';
import { clearLines, events } from '../support/log-capture';

// Who may read GET /api/metrics: only a bearer of METRICS_TOKEN; without the
// setting the endpoint does not exist.

vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());
const TOKEN = 'metrics-token-0123456789abcdef0123456789abcdef';
afterEach(() => {
  clearLines();
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** The route handler with a fresh settings module, as a server started with `token`. */
async function scrape(token: string | undefined, authorization?: string) {
  vi.stubEnv('METRICS_TOKEN', token);
  vi.resetModules();
  const { GET } = await import('@/app/api/metrics/route');
  const headers = authorization ? { authorization } : undefined;

  return GET(new Request('http://portal.test/api/metrics', { headers }));
}

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
