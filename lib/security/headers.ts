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

/**
 * The one response the portal lets itself frame: the HTML of an email from the
 * client's email log (app/(portal)/account/emails/[id]/body). It may load
 * nothing at all but inline styles and data: images, runs no script (CSP
 * `sandbox` without allow-scripts, on top of the iframe's own sandbox), posts
 * no form, and only the portal's own pages may frame it.
 */
export const EMAIL_BODY_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  'sandbox',
].join('; ');

/** The path of an email's HTML; nothing else is framed or gets EMAIL_BODY_CSP. */
export const EMAIL_BODY_PATH = /^\/account\/emails\/[1-9][0-9]{0,9}\/body$/;

/** The raw request path, exactly as the portal writes it: no encoded characters. */
export function isEmailBodyPath(rawPath: string): boolean {
  return EMAIL_BODY_PATH.test(rawPath);
}

/**
 * Whether a path may be served as an email's HTML in any spelling: what the
 * router would decode it to. proxy.ts gives every such path the email policy,
 * so even a spelling the route did not expect never runs under the portal's.
 */
export function mayBeEmailBody(rawPath: string): boolean {
  if (isEmailBodyPath(rawPath)) return true;
  try {
    return EMAIL_BODY_PATH.test(decodeURIComponent(rawPath));
  } catch {
    return false;
  }
}

export function emailBodyHeaders(secure: boolean): Record<string, string> {
  return {
    ...securityHeaders(EMAIL_BODY_CSP, secure),
    'X-Frame-Options': 'SAMEORIGIN',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
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
