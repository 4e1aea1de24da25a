import { NextResponse, type NextRequest } from 'next/server';
import { REALMS, cookieName, cookieSecure } from '@/lib/auth/realm';
import { sessionCookieOptions } from '@/lib/auth/cookies';
import { refreshIfDue } from '@/lib/auth/refresh';
import { nowSeconds } from '@/lib/auth/session-record';
import { securityEvent } from '@/lib/auth/events';
import { isCrossSiteWrite } from '@/lib/security/csrf';
import { StoreUnavailableError } from '@/lib/store/types';
import {
  contentSecurityPolicy,
  newNonce,
  securityHeaders,
  SPOOFABLE_HEADERS,
} from '@/lib/security/headers';

// The quick gate (Next 16's name for what used to be middleware.ts). It makes
// no WHMCS call: it strips spoofable headers, stamps a request id and a CSP
// nonce, refuses cross-site writes and turns away requests without a valid
// token for their realm. Pages and actions still call their own guard.

// '/bench/open': benchmark-only routes (issue #5) that answer 404 unless the
// server runs with BENCH_ROUTES=1; public so the benchmark can compare them.
// '/api/ready', '/api/metrics': for load balancers and scrapers, which hold no
// session; readiness reveals nothing secret, metrics check their own bearer token.
// '/icon.svg': the favicon (app/icon.svg), which the sign-in page shows too.
const PUBLIC_PATHS = [
  '/icon.svg',
  '/login',
  '/select-account',
  '/api/auth',
  '/api/health',
  '/api/sign-out',
  '/api/ready',
  '/api/metrics',
  '/bench/open',
];

function isPublic(pathname: string): boolean {
  return PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

function isAdmin(pathname: string): boolean {
  return pathname === '/admin' || pathname.startsWith('/admin/');
}

export async function proxy(request: NextRequest) {
  const requestId = crypto.randomUUID();
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const forwarded = new Headers(request.headers);
  for (const name of SPOOFABLE_HEADERS) forwarded.delete(name);
  forwarded.set('x-request-id', requestId);
  forwarded.set('x-nonce', nonce);
  forwarded.set('content-security-policy', csp);

  const response = await gate(request, forwarded).catch(storeDown);
  for (const [name, value] of Object.entries(securityHeaders(csp, cookieSecure()))) {
    response.headers.set(name, value);
  }
  response.headers.set('x-request-id', requestId);
  if (!isPublic(request.nextUrl.pathname))
    response.headers.set('cache-control', 'no-store');

  return response;
}

async function gate(request: NextRequest, forwarded: Headers): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  if (isCrossSiteWrite(request.method, request.headers)) {
    return new NextResponse('Cross-site request refused.', { status: 403 });
  }
  if (isPublic(pathname)) return NextResponse.next({ request: { headers: forwarded } });
  if (isAdmin(pathname)) {
    // TODO(#3): staff sign-in; until then no admin token exists, so /admin is closed.
    return new NextResponse('Forbidden.', { status: 403 });
  }

  const realm = REALMS.customer;
  const name = cookieName(realm);
  const outcome = await refreshIfDue(
    realm,
    request.cookies.get(name)?.value,
    nowSeconds(),
  );
  if (outcome.kind === 'ended') {
    const login = new URL('/login', request.url);
    if (outcome.reason === 'evicted') login.searchParams.set('ended', 'evicted');
    else if (pathname !== '/') login.searchParams.set('next', `${pathname}${search}`);
    const response = NextResponse.redirect(login);
    if (request.cookies.has(name)) {
      response.cookies.set(name, '', { ...sessionCookieOptions(realm, 0), maxAge: 0 });
    }
    return response;
  }
  if (outcome.kind === 'pass')
    return NextResponse.next({ request: { headers: forwarded } });

  // The page renders with the new token; the browser keeps it for next time.
  request.cookies.set(name, outcome.token);
  forwarded.set('cookie', request.cookies.toString());
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.cookies.set(
    name,
    outcome.token,
    sessionCookieOptions(realm, outcome.expiresAt),
  );

  return response;
}

/** No store, no session checks: fail closed rather than let requests through unchecked. */
function storeDown(error: unknown): NextResponse {
  if (!(error instanceof StoreUnavailableError)) throw error;
  securityEvent('store.unavailable', { during: 'proxy' });
  return new NextResponse(
    'The portal is temporarily unavailable. Please try again shortly.',
    {
      status: 503,
      headers: { 'retry-after': '30', 'content-type': 'text/plain; charset=utf-8' },
    },
  );
}

export const config = {
  // Only hashed build assets skip the gate; every other path, including
  // look-alikes such as /favicon.ico.x, gets the headers and the checks.
  matcher: ['/((?!_next/static/).*)'],
};
