import 'server-only';
import { headers } from 'next/headers';

/** The id proxy.ts stamped on this request; shown in friendly errors and logged on every line. */
export async function requestId(): Promise<string> {
  const id = (await headers()).get('x-request-id');
  return id && /^[0-9a-f-]{36}$/.test(id) ? id : 'unknown';
}
