import 'server-only';

type HeaderSource = { get(name: string): string | null };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * True when a state-changing request comes from another site. Browsers send
 * Sec-Fetch-Site; older ones at least send Origin, which must match the host.
 */
export function isCrossSiteWrite(method: string, headers: HeaderSource): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;

  const site = headers.get('sec-fetch-site');
  if (site) return site !== 'same-origin' && site !== 'none';

  const origin = headers.get('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== headers.get('host');
  } catch {
    return true;
  }
}
