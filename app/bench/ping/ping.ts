import 'server-only';
import { benchRoutesRefusal } from '@/lib/bench-routes';

/**
 * The trivial answer of /bench/ping and /bench/open/ping. The two handlers are
 * the same; only proxy.ts treats them differently (the first needs a valid
 * session token, the second is public), so their speed ratio is the cost of
 * the proxy's token check. Neither returns anything worth guarding.
 */
export async function ping(): Promise<Response> {
  const refusal = await benchRoutesRefusal();
  if (refusal) return refusal;

  return new Response('ok', {
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}
