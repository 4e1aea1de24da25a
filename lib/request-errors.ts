import 'server-only';
import { log } from '@/lib/log';

// A request that failed with an error no section handled (a bug, or a store
// outage under a page): one structured line that joins the request id the
// proxy stamped with the digest Next.js shows on the error page.

type RequestInfo = { path: string; method: string; headers: Record<string, unknown> };
type Context = { routePath?: string; routeType?: string };

export function reportRequestError(
  error: unknown,
  request: RequestInfo,
  context: Context,
) {
  const id = request.headers['x-request-id'];
  const failure = error instanceof Error ? error : new Error(String(error));
  const digest = 'digest' in failure ? String(failure.digest) : undefined;

  log().error({
    event: 'app.request.failed',
    requestId: typeof id === 'string' ? id : 'unknown',
    method: request.method,
    route: context.routePath ?? 'unknown',
    routeType: context.routeType ?? 'unknown',
    error: failure.name,
    message: failure.message.replace(/\s+/g, ' ').slice(0, 200),
    digest,
  });
}
