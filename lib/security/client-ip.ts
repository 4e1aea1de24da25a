import 'server-only';
import { env } from '@/lib/env';

type HeaderSource = { get(name: string): string | null };

/**
 * The client's address as seen by the last proxy we trust. The portal's own
 * process appends the TCP peer to X-Forwarded-For (server/peer-address.cjs), so
 * the rightmost entry is always real; each trusted proxy hop in front of us
 * appended one more. Everything left of that can be forged by the client.
 */
export function clientIp(headers: HeaderSource, hops = env().TRUSTED_PROXY_HOPS): string {
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const entry = chain[chain.length - 1 - hops] ?? chain[0];

  return normalize(entry ?? 'unknown');
}

function normalize(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const value = mapped?.[1] ?? address;

  return /^[0-9a-f.:]{2,45}$/i.test(value) ? value.toLowerCase() : 'invalid';
}

/** Who is asking, for session records and sign-in history. */
export function clientContext(headers: HeaderSource): { ip: string; userAgent: string } {
  return {
    ip: clientIp(headers),
    userAgent: (headers.get('user-agent') ?? '').slice(0, 256),
  };
}
