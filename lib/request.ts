import 'server-only';
import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';

/** The id proxy.ts stamped on this request; shown in friendly errors and logged on every line. */
export async function requestId(): Promise<string> {
  const id = (await headers()).get('x-request-id');
  return id && /^[0-9a-f-]{36}$/.test(id) ? id : 'unknown';
}

/**
 * The request's context for a log line, or `none` outside a request (a test, a
 * script, a timer). Next.js's own signals (prerendering, redirects) pass through.
 */
export async function requestContext(): Promise<{ requestId: string; ip: string }> {
  try {
    const list = await headers();
    return { requestId: await requestId(), ip: clientIp(list) };
  } catch (error) {
    unstable_rethrow(error);
    return { requestId: 'none', ip: 'none' };
  }
}

/**
 * The caller's address: the first X-Forwarded-For entry, which Next.js sets from
 * the socket when no proxy did. Behind a proxy, it must overwrite the header
 * (docs/operations.md), or a client could choose its own address here.
 */
function clientIp(list: Headers): string {
  const first = list.get('x-forwarded-for')?.split(',')[0]?.trim() ?? '';
  return /^[0-9a-fA-F:.]{2,45}$/.test(first) ? first.replace(/^::ffff:/, '') : 'unknown';
}
