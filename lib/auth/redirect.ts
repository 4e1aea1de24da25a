import 'server-only';

export const HOME = '/dashboard';

const PROBE_ORIGIN = 'http://portal.invalid';

/**
 * Accepts a post-sign-in target only when it is a path on this portal.
 * Anything else (`//evil`, `/\evil`, `https://…`, `javascript:`, control
 * characters, the sign-in pages themselves) falls back to the dashboard.
 */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return HOME;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return HOME;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return HOME;

  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return HOME;
  }
  if (url.origin !== PROBE_ORIGIN) return HOME;
  if (url.pathname === '/login' || url.pathname === '/select-account') return HOME;

  // Parsing resolves dot segments: "/.//evil" comes out as "//evil", which a
  // browser would read as another host. Check what we would actually send.
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith('//') || path.startsWith('/\\')) return HOME;

  return path;
}
