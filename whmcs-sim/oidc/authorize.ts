// /oauth/authorize.php: checks the relying party's request, shows the sign-in
// page, enforces the second factor and sends the browser back with a code.
import { randomBytes } from 'node:crypto';
import type { User } from '../model';
import { verifyPassword } from '../passwords';
import { CODE_TTL_SECONDS, LOGIN_TTL_SECONDS, TOTP_ATTEMPTS } from './config';
import { errorPage, passwordPage, totpPage } from './pages';
import type { OidcReply, OidcState, PendingLogin } from './provider';
import { matchTotp } from './totp';

const html = (status: number, body: string): OidcReply => ({
  status,
  type: 'html',
  body,
});

function back(uri: string, params: Record<string, string | null>): OidcReply {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params))
    if (value !== null) url.searchParams.set(name, value);

  return { status: 302, type: 'redirect', location: url.toString() };
}

export function authorize(state: OidcState, query: URLSearchParams): OidcReply {
  const client = state.clients.find((c) => c.clientId === query.get('client_id'));
  if (!client) return html(400, errorPage('Unknown client_id.'));
  const redirectUri = query.get('redirect_uri') ?? '';
  // Never redirect to an unregistered URI, not even to report the error.
  if (!client.redirectUris.includes(redirectUri))
    return html(400, errorPage('The redirect_uri is not registered for this client.'));

  const stateParam = query.get('state');
  if (query.get('response_type') !== 'code')
    return back(redirectUri, { error: 'unsupported_response_type', state: stateParam });
  const scope = query.get('scope') ?? '';
  if (!scope.split(' ').includes('openid'))
    return back(redirectUri, { error: 'invalid_scope', state: stateParam });

  forgetExpired(state);
  const id = randomBytes(24).toString('base64url');
  state.logins.set(id, {
    client,
    redirectUri,
    state: stateParam,
    nonce: query.get('nonce'),
    scope,
    expiresAt: state.nowMs() + LOGIN_TTL_SECONDS * 1000,
    userId: null,
    attempts: 0,
  });

  return html(200, passwordPage(id, null));
}

export function submitLogin(state: OidcState, form: URLSearchParams): OidcReply {
  const id = form.get('login') ?? '';
  const login = state.logins.get(id);
  if (!login || login.expiresAt <= state.nowMs()) {
    state.logins.delete(id);
    return html(400, errorPage('This sign-in has expired. Please start again.'));
  }
  if (login.userId === null) return checkPassword(state, id, login, form);

  const user = state.users().find((u) => u.id === login.userId);
  const step = user?.totpSecret
    ? matchTotp(user.totpSecret, (form.get('code') ?? '').trim(), state.nowMs())
    : null;
  if (!user || step === null || step <= (state.totpSteps.get(user.id) ?? -1)) {
    login.attempts += 1;
    if (login.attempts < TOTP_ATTEMPTS)
      return html(200, totpPage(id, 'That code is not valid. Please try again.'));
    state.logins.delete(id);
    return html(400, errorPage('Too many wrong codes. Please start again.'));
  }
  state.totpSteps.set(user.id, step);

  return finish(state, id, login, user);
}

function checkPassword(
  state: OidcState,
  id: string,
  login: PendingLogin,
  form: URLSearchParams,
): OidcReply {
  const email = (form.get('email') ?? '').trim();
  const password = form.get('password') ?? '';
  const user = state.users().find((u) => u.email.toLowerCase() === email.toLowerCase());
  if (!user || !verifyPassword(`user-${user.id}`, password, user.passwordHash))
    return html(200, passwordPage(id, 'Email or password incorrect.', email));
  if (!user.twoFactor) return finish(state, id, login, user);

  login.userId = user.id;
  return html(200, totpPage(id, null));
}

function finish(state: OidcState, id: string, login: PendingLogin, user: User) {
  state.logins.delete(id);
  const code = randomBytes(32).toString('base64url');
  const now = state.nowMs();
  state.codes.set(code, {
    clientId: login.client.clientId,
    redirectUri: login.redirectUri,
    userId: user.id,
    nonce: login.nonce,
    scope: login.scope,
    authTime: Math.floor(now / 1000),
    expiresAt: now + CODE_TTL_SECONDS * 1000,
    used: false,
    accessToken: null,
  });

  return back(login.redirectUri, { code, state: login.state });
}

function forgetExpired(state: OidcState) {
  const now = state.nowMs();
  for (const [id, login] of state.logins)
    if (login.expiresAt <= now) state.logins.delete(id);
  for (const [code, issued] of state.codes)
    if (issued.expiresAt + 3_600_000 <= now) state.codes.delete(code);
}
