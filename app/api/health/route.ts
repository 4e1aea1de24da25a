// GET /api/health — the process is up and serving; says nothing about WHMCS.
export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
