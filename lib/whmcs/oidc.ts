import 'server-only';
import { z } from 'zod';
import { env } from '@/lib/env';
import { whmcsError } from '@/lib/whmcs/errors';

// WHMCS as an OpenID Connect provider (docs/whmcs.md#oidc-provider): its
// settings and its discovery document. "Sign in with WHMCS" is on only when the
// client credentials are configured; lib/env-oidc.ts has checked the rest.

export type OidcSettings = {
  clientId: string;
  clientSecret: string;
  /** Pinned: the discovery document and every ID token must name exactly this. */
  issuer: string;
  secret: string;
};

export function oidcSettings(): OidcSettings | null {
  const e = env();
  const { WHMCS_OIDC_CLIENT_ID: clientId, WHMCS_OIDC_CLIENT_SECRET: clientSecret } = e;
  if (!clientId || !clientSecret || !e.NEXTAUTH_SECRET) return null;

  const issuer = (e.WHMCS_OIDC_ISSUER ?? e.WHMCS_URL).replace(/\/+$/, '');
  return { clientId, clientSecret, issuer, secret: e.NEXTAUTH_SECRET };
}

const discoverySchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  userinfo_endpoint: z.url().optional(),
  jwks_uri: z.url(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
});

export type OidcEndpoints = {
  authorizationUrl: string;
  tokenUrl: string;
  userinfoUrl: string | null;
  jwksUrl: string;
  /** WHMCS has been seen without PKCE; it is used only when S256 is offered. */
  pkce: boolean;
  authMethod: 'client_secret_basic' | 'client_secret_post';
};

const CACHE_MS = 10 * 60 * 1000;
let cached: { issuer: string; at: number; endpoints: OidcEndpoints } | undefined;

/**
 * Reads `/oauth/openid-configuration.php`, the path every WHMCS serves
 * (`/.well-known/…` needs an operator's rewrite). The document must name the
 * configured issuer, and its endpoints must live on the issuer's origin.
 */
export async function discoverOidc(settings: OidcSettings, now = Date.now()) {
  if (cached?.issuer === settings.issuer && now - cached.at < CACHE_MS)
    return cached.endpoints;

  const action = 'oauth/openid-configuration';
  let body: unknown;
  try {
    const response = await fetch(`${settings.issuer}/oauth/openid-configuration.php`, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      cache: 'no-store',
      signal: AbortSignal.timeout(env().WHMCS_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.json();
  } catch (cause) {
    throw whmcsError('unavailable', action, 'discovery document unreachable', { cause });
  }
  const doc = discoverySchema.safeParse(body);
  if (!doc.success) throw whmcsError('invalid', action, 'discovery document invalid');
  const origin = new URL(settings.issuer).origin;
  const urls = [
    doc.data.authorization_endpoint,
    doc.data.token_endpoint,
    doc.data.jwks_uri,
  ];
  if (doc.data.userinfo_endpoint) urls.push(doc.data.userinfo_endpoint);
  if (
    doc.data.issuer !== settings.issuer ||
    urls.some((u) => new URL(u).origin !== origin)
  )
    throw whmcsError('misconfigured', action, 'discovery names another issuer or origin');

  const methods = doc.data.token_endpoint_auth_methods_supported ?? [
    'client_secret_basic',
  ];
  const endpoints: OidcEndpoints = {
    authorizationUrl: doc.data.authorization_endpoint,
    tokenUrl: doc.data.token_endpoint,
    userinfoUrl: doc.data.userinfo_endpoint ?? null,
    jwksUrl: doc.data.jwks_uri,
    pkce: doc.data.code_challenge_methods_supported?.includes('S256') ?? false,
    authMethod: methods.includes('client_secret_basic')
      ? 'client_secret_basic'
      : 'client_secret_post',
  };
  cached = { issuer: settings.issuer, at: now, endpoints };

  return endpoints;
}
