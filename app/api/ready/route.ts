import { readiness } from '@/lib/health/readiness';

// Asked on every request, never prerendered at build time.
export const dynamic = 'force-dynamic';

// GET /api/ready — can this instance serve: store, WHMCS and the breaker (200 or 503).
export async function GET() {
  const result = await readiness();
  const status = result.status === 'ready' ? 200 : 503;

  return Response.json(result, { status, headers: { 'cache-control': 'no-store' } });
}
