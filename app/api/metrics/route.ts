import { metricsAccess } from '@/lib/metrics/access';
import { renderMetrics } from '@/lib/metrics';
import { securityEvent } from '@/lib/security/events';

// Counted at scrape time, never prerendered at build time.
export const dynamic = 'force-dynamic';

const NO_STORE = { 'cache-control': 'no-store' };

// GET /api/metrics — Prometheus text format, for a scraper with METRICS_TOKEN.
export async function GET(request: Request) {
  const access = metricsAccess(request.headers.get('authorization'));
  if (access === 'disabled')
    return new Response('Not found.', { status: 404, headers: NO_STORE });
  if (access === 'denied') {
    await securityEvent('security.metrics.refused');
    return new Response('Unauthorized.', {
      status: 401,
      headers: { ...NO_STORE, 'www-authenticate': 'Bearer' },
    });
  }

  return new Response(await renderMetrics(), {
    headers: { ...NO_STORE, 'content-type': 'text/plain; version=0.0.4; charset=utf-8' },
  });
}
