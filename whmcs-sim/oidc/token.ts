// /oauth/token.php and /oauth/userinfo.php: client authentication (basic or
// post), single-use 60-second codes, and the signed ID token — unless a test
// asked for a broken one (state.tamper).
import { randomBytes } from 'node:crypto';
import type { User } from '../model';
import { sameSecret } from '../passwords';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  ID_TOKEN_TTL_SECONDS,
  type OidcClient,
} from './config';
import { newSigningKey, signRs256, unsigned } from './jwt';
import type { IssuedCode, OidcReply, OidcState } from './provider';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

const oauthError = (status: number, error: string, headers = {}): OidcReply => ({
  status,
  type: 'json',
  body: { error },
  headers: { ...NO_STORE, ...headers },
});

/** RFC 6749 §2.3.1: Basic credentials are form-encoded before base64. */
function basicCredentials(header: string): [string, string] | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
  try {
    return [decode(decoded.slice(0, colon)), decode(decoded.slice(colon + 1))];
  } catch {
    return null;
  }
}

function authenticate(
  state: OidcState,
  form: URLSearchParams,
  authorization: string | undefined,
): OidcClient | 'invalid_request' | null {
  const basic = authorization ? basicCredentials(authorization) : null;
  const posted = form.get('client_secret');
  if (basic && posted !== null) return 'invalid_request';
  const [id, secret] = basic ?? [form.get('client_id'), posted];
  const client = state.clients.find((c) => c.clientId === id);
  if (!client || secret === null || !sameSecret(secret, client.clientSecret)) return null;

  return client;
}

export function exchangeCode(
  state: OidcState,
  form: URLSearchParams,
  authorization: string | undefined,
): OidcReply {
  const client = authenticate(state, form, authorization);
  if (client === 'invalid_request') return oauthError(400, 'invalid_request');
  if (!client)
    return oauthError(401, 'invalid_client', {
      'www-authenticate': 'Basic realm="oauth"',
    });
  if (form.get('grant_type') !== 'authorization_code')
    return oauthError(400, 'unsupported_grant_type');

  const issued = state.codes.get(form.get('code') ?? '');
  if (!issued || issued.clientId !== client.clientId)
    return oauthError(400, 'invalid_grant');
  if (issued.used) {
    // RFC 6749 §4.1.2: a code presented twice also loses what it bought the first time.
    if (issued.accessToken) state.grants.delete(issued.accessToken);
    return oauthError(400, 'invalid_grant');
  }
  issued.used = true;
  const user = state.users().find((u) => u.id === issued.userId);
  if (issued.expiresAt <= state.nowMs() || !user) return oauthError(400, 'invalid_grant');
  if (form.get('redirect_uri') !== issued.redirectUri)
    return oauthError(400, 'invalid_grant');

  const accessToken = randomBytes(32).toString('base64url');
  issued.accessToken = accessToken;
  const expiresAt = state.nowMs() + ACCESS_TOKEN_TTL_SECONDS * 1000;
  state.grants.set(accessToken, { userId: user.id, scope: issued.scope, expiresAt });
  const body = {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    scope: issued.scope,
    id_token: idToken(state, issued, user),
  };

  return { status: 200, type: 'json', body, headers: NO_STORE };
}

function idToken(state: OidcState, issued: IssuedCode, user: User): string {
  const now = Math.floor(state.nowMs() / 1000);
  const scopes = issued.scope.split(' ');
  const other = state.users().find((u) => u.id !== user.id);
  const claims = {
    iss: state.tamper === 'wrong-issuer' ? 'https://evil.example' : state.issuer,
    sub: String(state.tamper === 'other-subject' && other ? other.id : user.id),
    aud: state.tamper === 'wrong-audience' ? 'another-client' : issued.clientId,
    iat: state.tamper === 'expired' ? now - 900 : now,
    exp: state.tamper === 'expired' ? now - 600 : now + ID_TOKEN_TTL_SECONDS,
    ...(state.tamper !== 'no-auth-time' && {
      auth_time: state.tamper === 'old-auth-time' ? now - 3600 : issued.authTime,
    }),
    ...(issued.nonce !== null && {
      nonce:
        state.tamper === 'wrong-nonce' ? randomBytes(16).toString('hex') : issued.nonce,
    }),
    ...(scopes.includes('email') && { email: user.email, email_verified: true }),
    ...(scopes.includes('profile') && { name: `${user.firstname} ${user.lastname}` }),
  };
  if (state.tamper === 'alg-none') return unsigned(claims);
  if (state.tamper === 'foreign-key')
    return signRs256(claims, state.key(), newSigningKey().privateKey);

  return signRs256(claims, state.key());
}

export function userinfo(state: OidcState, authorization: string | undefined): OidcReply {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
  const grant = state.grants.get(token);
  const user = grant && state.users().find((u) => u.id === grant.userId);
  if (!grant || grant.expiresAt <= state.nowMs() || !user)
    return oauthError(401, 'invalid_token', {
      'www-authenticate': 'Bearer error="invalid_token"',
    });

  const body = {
    sub: String(user.id),
    email: user.email,
    email_verified: true,
    name: `${user.firstname} ${user.lastname}`,
  };
  return { status: 200, type: 'json', body, headers: NO_STORE };
}
