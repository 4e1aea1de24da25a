import 'server-only';
import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { log } from '@/lib/log';
import { clientIp } from '@/lib/security/client-ip';

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

type Level = 'info' | 'warn' | 'error';

/**
 * One log line carrying the id of the request it belongs to. Awaited where the caller is async; `void` where it is not: the line is
 * then written a moment later. Never throws.
 */
export async function logInRequest(
  level: Level,
  fields: Record<string, unknown> & { event: string },
): Promise<void> {
  try {
    const { requestId } = await requestContext();
    log()[level]({ ...fields, requestId });
  } catch (error) {
    console.error('log line not written', fields.event, error);
  }
}
