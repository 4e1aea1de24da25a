import 'server-only';
import NextAuth from 'next-auth/next';
import { cookies, headers } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';
import { LOGIN_FAILED, type OidcRequest } from '@/lib/auth/oidc/complete';
import { authOptions } from '@/lib/auth/oidc/options';
import { beginWhmcsStepUp } from '@/lib/auth/oidc/step-up';
import { HOME } from '@/lib/auth/redirect';
import { log } from '@/lib/log';
import { clientContext } from '@/lib/security/client-ip';
import { WhmcsError } from '@/lib/whmcs/errors';
import { discoverOidc, oidcSettings } from '@/lib/whmcs/oidc';

// The thin wrapper around next-auth's route handler. It serves only the parts
// of next-auth this flow uses, and it hands the browser the portal's cookies
// on next-auth's own response, never a next-auth session cookie.

export type AuthRouteContext = { params: Promise<{ nextauth: string[] }> };

/** A cookie with its flags, as Next's response cookie store holds it. */
type ResponseCookie = NonNullable<ReturnType<NextResponse['cookies']['get']>>;

/** csrf: the button's token; signin: start (POST) or back to /login (GET);
 * callback: WHMCS returns; error: failures, forwarded to /login. */
const ACTIONS = new Set(['csrf', 'signin', 'callback', 'error']);

const NEXT_AUTH_SESSION = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

const notFound = () => new Response('Not Found', { status: 404 });

export async function handleAuthRoute(req: NextRequest, ctx: AuthRouteContext) {
  const settings = oidcSettings();
  const [action, provider] = (await ctx.params).nextauth;
  if (!settings || !action || !ACTIONS.has(action)) return notFound();
  // Authorization parameters come from configuration, never from the query
  // (next-auth would pass it on to WHMCS). GET signin only redirects to /login.
  if (action === 'signin' && req.method === 'POST' && req.nextUrl.search)
    return notFound();
  if (provider !== undefined && provider !== 'whmcs') return notFound();

  let endpoints;
  try {
    endpoints = await discoverOidc(settings);
  } catch (error) {
    if (!(error instanceof WhmcsError)) throw error;
    log().warn({
      event: 'auth.oidc.discovery_failed',
      kind: error.kind,
      reason: error.reason,
    });
    // Relative: behind a proxy, req.url may name the internal address.
    return new Response(null, {
      status: 303,
      headers: { location: LOGIN_FAILED.unavailable, 'cache-control': 'no-store' },
    });
  }

  const request: OidcRequest = { next: HOME, client: clientContext(await headers()) };
  // Started from a live session: a step-up, which WHMCS must not wave through.
  if (action === 'signin' && req.method === 'POST')
    request.stepUp = await beginWhmcsStepUp();
  const response: Response = await NextAuth(
    req,
    ctx,
    authOptions(settings, endpoints, request),
  );
  // In a route handler the store holds what the callback set, flags included.
  const jar = (await cookies()).getAll() as ResponseCookie[];
  const carried = jar.filter((c) => req.cookies.get(c.name)?.value !== c.value);

  return finishAuthResponse(response, carried, req.cookies.getAll());
}

// next-auth deletes its state and nonce cookies with Max-Age=0 alone. Next.js
// re-serializes a route's cookies whenever the handler also set one through
// next/headers, and that drops Max-Age=0, leaving the cookies behind
// (docs/security.md#sign-in-with-whmcs-openid-connect). An Expires in the past
// survives it.
const EPOCH = 'Thu, 01 Jan 1970 00:00:00 GMT';

function deletionThatSurvives(line: string): string {
  return /;\s*max-age=0\b/i.test(line) && !/;\s*expires=/i.test(line)
    ? `${line}; Expires=${EPOCH}`
    : line;
}

const isNextAuthSession = (line: string) =>
  NEXT_AUTH_SESSION.test(line.split('=')[0]?.trim() ?? '');

/**
 * next-auth's response, less any next-auth session cookie (one the browser
 * holds is expired too), plus the cookies the sign-in set through next/headers
 * (the portal session or the account-picker seal) with their own flags.
 */
export function finishAuthResponse(
  response: Response,
  carried: ResponseCookie[],
  held: { name: string }[],
): Response {
  const headers = new Headers();
  for (const [name, value] of response.headers)
    if (name !== 'set-cookie') headers.append(name, value);
  for (const line of response.headers.getSetCookie())
    if (!isNextAuthSession(line))
      headers.append('set-cookie', deletionThatSurvives(line));

  // Answers carry sign-in cookies and one-time redirects: never for a cache.
  headers.set('cache-control', 'no-store');
  const out = new NextResponse(response.body, { status: response.status, headers });
  for (const cookie of carried)
    if (!NEXT_AUTH_SESSION.test(cookie.name)) out.cookies.set(cookie);
  for (const { name } of held)
    if (NEXT_AUTH_SESSION.test(name))
      out.cookies.set(name, '', { path: '/', expires: new Date(0) });

  return out;
}
