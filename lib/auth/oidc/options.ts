import 'server-only';
import type { AuthOptions, LoggerInstance } from 'next-auth';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { securityEvent } from '@/lib/auth/events';
import { safeNext } from '@/lib/auth/redirect';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import type { OidcEndpoints, OidcSettings } from '@/lib/whmcs/oidc';
import { completeWhmcsSignIn, type OidcRequest } from '@/lib/auth/oidc/complete';
import { STEP_UP_PARAMS } from '@/lib/auth/oidc/step-up';

// next-auth's settings for one request. Built per request because the signIn
// callback needs that request's landing path and client address.

export const PROVIDER_ID = 'whmcs';

type WhmcsClaims = { sub: string; email?: string; name?: string };

function whmcsProvider(
  s: OidcSettings,
  e: OidcEndpoints,
  stepUp: boolean,
): OAuthConfig<WhmcsClaims> {
  // A step-up must not be answered from a session WHMCS already holds.
  const params = { scope: 'openid email profile', ...(stepUp && STEP_UP_PARAMS) };

  return {
    id: PROVIDER_ID,
    name: 'WHMCS',
    type: 'oauth',
    // Pinned from configuration: ID tokens naming any other issuer are refused.
    issuer: s.issuer,
    authorization: { url: e.authorizationUrl, params },
    token: e.tokenUrl,
    userinfo: e.userinfoUrl ?? undefined,
    jwks_endpoint: e.jwksUrl,
    clientId: s.clientId,
    clientSecret: s.clientSecret,
    client: {
      token_endpoint_auth_method: e.authMethod,
      id_token_signed_response_alg: 'RS256',
    },
    checks: e.pkce ? ['state', 'nonce', 'pkce'] : ['state', 'nonce'],
    idToken: true,
    httpOptions: { timeout: env().WHMCS_TIMEOUT_MS },
    profile: (claims) => ({ id: claims.sub, email: claims.email ?? null }),
  };
}

/** A same-origin path from an absolute or relative URL; anything else is the dashboard. */
export function portalPath(url: string, baseUrl: string): string {
  const local = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
  return safeNext(local);
}

/** next-auth's log lines, as ours; a refused callback is a failed sign-in. */
function loggerFor(request: OidcRequest): LoggerInstance {
  return {
    error(code, metadata) {
      const inner = metadata instanceof Error ? metadata : metadata?.error;
      const reason = inner instanceof Error ? inner.message.slice(0, 200) : undefined;
      log().warn({ event: 'auth.oidc.error', code, reason });
      if (code === 'OAUTH_CALLBACK_ERROR')
        securityEvent('auth.login.failed', {
          reason: 'whmcs:callback',
          ip: request.client.ip,
        });
    },
    warn(code) {
      log().warn({ event: 'auth.oidc.warning', code });
    },
    debug() {},
  };
}

export function authOptions(
  settings: OidcSettings,
  endpoints: OidcEndpoints,
  request: OidcRequest,
): AuthOptions {
  return {
    secret: settings.secret,
    providers: [whmcsProvider(settings, endpoints, request.stepUp === true)],
    session: { strategy: 'jwt' },
    pages: { signIn: '/login', error: '/login' },
    logger: loggerFor(request),
    callbacks: {
      // Runs on the callbackUrl of the sign-in request and on the cookie that
      // carries it to the callback: both become a same-origin portal path.
      redirect({ url, baseUrl }) {
        request.next = portalPath(url, baseUrl);
        return `${baseUrl}${request.next}`;
      },
      signIn: ({ profile }) => completeWhmcsSignIn(profile, settings.issuer, request),
    },
  };
}
