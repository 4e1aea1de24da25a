import { NextResponse, type NextRequest } from 'next/server';
import { REALMS, cookieName, cookieSecure, type Realm } from '@/lib/auth/realm';
import { sessionCookieOptions } from '@/lib/auth/cookies';
import { refreshIfDue } from '@/lib/auth/refresh';
import { endedNotice, nowSeconds } from '@/lib/auth/session-record';
import { securityEvent } from '@/lib/auth/events';
import { clientIp } from '@/lib/security/client-ip';
import { isCrossSiteWrite } from '@/lib/security/csrf';
import { checkRequestLimit } from '@/lib/security/request-limit';
import { StoreUnavailableError } from '@/lib/store/types';
import {
  contentSecurityPolicy,
  mayBeEmailBody,
  emailBodyHeaders,
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

// The staff area takes an admin token and nothing else; the customer area a
// customer token and nothing else. Only the staff sign-in pages and their form
// handlers are open.
const ADMIN_AREA = ['/admin', '/api/admin'];
const ADMIN_SIGN_IN = ['/admin/login', '/api/admin/login'];

function under(paths: string[], pathname: string): boolean {
  return paths.some((p) => pathname === p || pathname.startsWith(`${p}/`));
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
  // An email's HTML is the one answer a portal page may frame, under a policy
  // that lets it load and run nothing; every other answer gets the portal's own.
  const headers = mayBeEmailBody(request.nextUrl.pathname)
    ? emailBodyHeaders(cookieSecure())
    : securityHeaders(csp, cookieSecure());
  for (const [name, value] of Object.entries(headers)) {
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
  const limit = await checkRequestLimit(clientIp(request.headers));
  if (!limit.allowed) {
    securityEvent('security.rate_limited', { scope: 'requests' });
    return new NextResponse('Too many requests. Please wait a moment and try again.', {
      status: 429,
      headers: { 'retry-after': String(limit.retryAfter) },
    });
  }
  if (isPublic(pathname) || under(ADMIN_SIGN_IN, pathname))
    return NextResponse.next({ request: { headers: forwarded } });
  // 303: a staff form posted with an ended session lands on sign-in as a GET.
  if (under(ADMIN_AREA, pathname))
    return sessionGate(request, forwarded, REALMS.admin, () => '/admin/login', 303);

  // Built only for a request that is turned away, not for every one let through.
  const login = () => {
    const url = new URL('/login', request.url);
    if (pathname !== '/') url.searchParams.set('next', `${pathname}${search}`);
    return url.href;
  };
  return sessionGate(request, forwarded, REALMS.customer, login, 307);
}

/** Lets a request with a live token of `realm` through (renewed when due), else to `login`. */
async function sessionGate(
  request: NextRequest,
  forwarded: Headers,
  realm: Realm,
  login: () => string,
  status: 303 | 307,
): Promise<NextResponse> {
  const name = cookieName(realm);
  const outcome = await refreshIfDue(
    realm,
    request.cookies.get(name)?.value,
    nowSeconds(),
  );
  if (outcome.kind === 'ended') {
    const target = new URL(login(), request.url);
    const notice = endedNotice(outcome.reason);
    if (notice) target.searchParams.set('ended', notice);
    const response = NextResponse.redirect(target, status);
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
