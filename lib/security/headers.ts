import 'server-only';

// Headers every HTML response carries. The CSP nonce is new for every request;
// Next.js reads it from the request's CSP header and stamps its own scripts.

export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return Buffer.from(bytes).toString('base64');
}

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(csp: string, secure: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
  if (secure)
    headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains';

  return headers;
}

/** Headers a client must never be able to set: Next.js internals and our own. */
export const SPOOFABLE_HEADERS = [
  'x-middleware-subrequest',
  'x-middleware-invoke',
  'x-middleware-next',
  'x-invoke-path',
  'x-invoke-query',
  'x-invoke-output',
  'x-request-id',
  'x-nonce',
];
