// WHMCS as an OpenID Connect provider (docs/whmcs.md#oidc-provider), without
// I/O: the HTTP layer (http.ts) turns requests into these calls and replies
// back. Times are the real clock, not the seed's anchor, because relying
// parties check them.
import type { User } from '../model';
import { authorize, submitLogin } from './authorize';
import { DEMO_OIDC_CLIENT, type OidcClient, type TamperMode } from './config';
import { newSigningKey, publicJwk, type SigningKey } from './jwt';
import { exchangeCode, userinfo } from './token';

export type OidcReply =
  | { status: number; type: 'html'; body: string }
  | { status: number; type: 'json'; body: unknown; headers?: Record<string, string> }
  /** `cookie`: a Set-Cookie line (the provider's own session after a sign-in). */
  | { status: 302; type: 'redirect'; location: string; cookie?: string };

export type PendingLogin = {
  client: OidcClient;
  redirectUri: string;
  state: string | null;
  nonce: string | null;
  scope: string;
  expiresAt: number;
  /** Set once the password was right and a second factor is still owed. */
  userId: number | null;
  attempts: number;
};

export type IssuedCode = {
  clientId: string;
  redirectUri: string;
  userId: number;
  nonce: string | null;
  scope: string;
  authTime: number;
  expiresAt: number;
  used: boolean;
  accessToken: string | null;
};

export type AccessGrant = { userId: number; scope: string; expiresAt: number };

/** A browser that signed in here: later requests skip the password while it lives. */
export type ProviderSession = { userId: number; authTime: number; expiresAt: number };

export type OidcState = {
  /** The simulator's base URL; server.ts sets it once it knows its port. */
  issuer: string;
  /** Test-only: how the next ID tokens are broken (config.ts). */
  tamper: TamperMode;
  clients: OidcClient[];
  readonly logins: Map<string, PendingLogin>;
  readonly codes: Map<string, IssuedCode>;
  readonly grants: Map<string, AccessGrant>;
  /** The provider's own sessions, by the id in their cookie. */
  readonly sessions: Map<string, ProviderSession>;
  /** Last TOTP step each user spent, so a code works once. */
  readonly totpSteps: Map<number, number>;
  users(): readonly User[];
  key(): SigningKey;
  nowMs(): number;
};

export type OidcProvider = OidcState & {
  discovery(): Record<string, unknown>;
  jwks(): { keys: Record<string, string>[] };
  authorize(query: URLSearchParams, cookie?: string): OidcReply;
  submitLogin(form: URLSearchParams): OidcReply;
  token(form: URLSearchParams, authorization: string | undefined): OidcReply;
  userinfo(authorization: string | undefined): OidcReply;
};

export type OidcOptions = { clients?: OidcClient[]; issuer?: string };

export function createOidcProvider(
  users: () => readonly User[],
  options: OidcOptions = {},
): OidcProvider {
  let key: SigningKey | undefined;
  const state: OidcState = {
    issuer: options.issuer ?? 'http://127.0.0.1:8400',
    tamper: 'none',
    clients: options.clients ?? [DEMO_OIDC_CLIENT],
    logins: new Map(),
    codes: new Map(),
    grants: new Map(),
    sessions: new Map(),
    totpSteps: new Map(),
    users,
    // Made on first use so simulators that never speak OIDC skip the RSA work.
    key: () => (key ??= newSigningKey()),
    nowMs: () => Date.now(),
  };

  return Object.assign(state, {
    discovery: () => discoveryDocument(state.issuer),
    jwks: () => ({ keys: [publicJwk(state.key())] }),
    authorize: (query: URLSearchParams, cookie?: string) =>
      authorize(state, query, cookie),
    submitLogin: (form: URLSearchParams) => submitLogin(state, form),
    token: (form: URLSearchParams, auth: string | undefined) =>
      exchangeCode(state, form, auth),
    userinfo: (auth: string | undefined) => userinfo(state, auth),
  });
}

// No code_challenge_methods_supported: WHMCS has not been seen advertising PKCE.
function discoveryDocument(issuer: string): Record<string, unknown> {
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth/authorize.php`,
    token_endpoint: `${issuer}/oauth/token.php`,
    userinfo_endpoint: `${issuer}/oauth/userinfo.php`,
    jwks_uri: `${issuer}/oauth/certs.php`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'profile', 'email'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'nonce',
      'email',
      'name',
    ],
  };
}
