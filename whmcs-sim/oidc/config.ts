// The simulator's OpenID Connect settings: which relying parties it knows and
// the ways a test may ask its token endpoint to misbehave.

export type OidcClient = {
  clientId: string;
  clientSecret: string;
  /** Exact redirect URIs; WHMCS compares the whole string. */
  redirectUris: readonly string[];
};

export const DEMO_OIDC_CLIENT: OidcClient = {
  clientId: 'kraken-portal-demo',
  clientSecret: 'kraken-demo-oidc-secret-0123456789',
  redirectUris: ['http://localhost:3000/api/auth/callback/whmcs'],
};

/**
 * Test-only faults in the ID token the token endpoint returns. Set on the
 * simulator object (`sim.oidc.tamper`), or over HTTP only when the simulator was
 * started with `oidcTestControl` (SIM_OIDC_TEST_CONTROL=1).
 */
export const TAMPER_MODES = [
  'none',
  'foreign-key',
  'expired',
  'wrong-issuer',
  'wrong-audience',
  'alg-none',
  'wrong-nonce',
  'other-subject',
  /** An ID token without `auth_time`. */
  'no-auth-time',
  /** An `auth_time` an hour old, as from a provider that ignored prompt=login. */
  'old-auth-time',
] as const;

export type TamperMode = (typeof TAMPER_MODES)[number];

export function isTamperMode(value: unknown): value is TamperMode {
  return TAMPER_MODES.includes(value as TamperMode);
}

export const CODE_TTL_SECONDS = 60;
export const ID_TOKEN_TTL_SECONDS = 300;
export const ACCESS_TOKEN_TTL_SECONDS = 3600;
/** How long the sign-in page may stay open between its steps. */
export const LOGIN_TTL_SECONDS = 600;
/** Wrong codes allowed on one sign-in before it must start again. */
export const TOTP_ATTEMPTS = 5;
/** How long the provider remembers a browser that signed in, as WHMCS's own session does. */
export const PROVIDER_SESSION_SECONDS = 8 * 60 * 60;
/** The cookie naming that session; scoped to the OAuth paths. */
export const PROVIDER_SESSION_COOKIE = 'sim_oidc_session';

/** The client from SIM_OIDC_CLIENT_ID / _SECRET / _REDIRECT_URIS (comma-separated). */
export function clientFromEnv(source: Record<string, string | undefined>): OidcClient {
  const uris = source.SIM_OIDC_REDIRECT_URIS?.split(',')
    .map((u) => u.trim())
    .filter(Boolean);

  return {
    clientId: source.SIM_OIDC_CLIENT_ID || DEMO_OIDC_CLIENT.clientId,
    clientSecret: source.SIM_OIDC_CLIENT_SECRET || DEMO_OIDC_CLIENT.clientSecret,
    redirectUris: uris?.length ? uris : DEMO_OIDC_CLIENT.redirectUris,
  };
}
