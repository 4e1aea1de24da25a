// /oauth/authorize.php: checks the relying party's request, shows the sign-in
// page, enforces the second factor and sends the browser back with a code. Like
// WHMCS, it remembers a browser that signed in (a cookie of its own) and sends
// that browser straight back next time without asking again, unless the
// request says prompt=login or a max_age its sign-in is older than (OpenID
// Connect Core §3.1.2.1). The ID token's auth_time is when the password (and
// code) were actually typed.
import { randomBytes } from 'node:crypto';
import type { User } from '../model';
import { verifyPassword } from '../passwords';
import {
  CODE_TTL_SECONDS,
  LOGIN_TTL_SECONDS,
  PROVIDER_SESSION_COOKIE,
  PROVIDER_SESSION_SECONDS,
  TOTP_ATTEMPTS,
} from './config';
import { errorPage, passwordPage, totpPage } from './pages';
import type { OidcReply, OidcState, PendingLogin, ProviderSession } from './provider';
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

export function authorize(
  state: OidcState,
  query: URLSearchParams,
  cookie = '',
): OidcReply {
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

  const prompt = (query.get('prompt') ?? '').split(' ').filter(Boolean);
  const maxAgeText = query.get('max_age');
  if (maxAgeText !== null && !/^\d{1,9}$/.test(maxAgeText))
    return back(redirectUri, { error: 'invalid_request', state: stateParam });
  const maxAge = maxAgeText === null ? null : Number(maxAgeText);

  forgetExpired(state);
  const id = randomBytes(24).toString('base64url');
  const login: PendingLogin = {
    client,
    redirectUri,
    state: stateParam,
    nonce: query.get('nonce'),
    scope,
    expiresAt: state.nowMs() + LOGIN_TTL_SECONDS * 1000,
    userId: null,
    attempts: 0,
  };
  const known = liveSession(state, cookie);
  const seconds = Math.floor(state.nowMs() / 1000);
  const recentEnough = known && (maxAge === null || seconds - known.authTime <= maxAge);
  const user = recentEnough && state.users().find((u) => u.id === known.userId);
  if (user && !prompt.includes('login')) return finish(state, id, login, user, known);
  if (prompt.includes('none'))
    return back(redirectUri, { error: 'login_required', state: stateParam });

  state.logins.set(id, login);
  return html(200, passwordPage(id, null));
}

function liveSession(state: OidcState, cookie: string): ProviderSession | null {
  const id = cookie
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === PROVIDER_SESSION_COOKIE)?.[1];
  const session = id ? state.sessions.get(id) : undefined;

  return session && session.expiresAt > state.nowMs() ? session : null;
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

/** Sends the browser back with a code: after a sign-in here, or for `known`, a remembered one. */
function finish(
  state: OidcState,
  id: string,
  login: PendingLogin,
  user: User,
  known: ProviderSession | null = null,
): OidcReply {
  state.logins.delete(id);
  const code = randomBytes(32).toString('base64url');
  const now = state.nowMs();
  const authTime = known?.authTime ?? Math.floor(now / 1000);
  state.codes.set(code, {
    clientId: login.client.clientId,
    redirectUri: login.redirectUri,
    userId: user.id,
    nonce: login.nonce,
    scope: login.scope,
    authTime,
    expiresAt: now + CODE_TTL_SECONDS * 1000,
    used: false,
    accessToken: null,
  });
  const reply = back(login.redirectUri, { code, state: login.state });
  if (known || reply.type !== 'redirect') return reply;

  const sessionId = randomBytes(24).toString('base64url');
  state.sessions.set(sessionId, {
    userId: user.id,
    authTime,
    expiresAt: now + PROVIDER_SESSION_SECONDS * 1000,
  });
  const cookie =
    `${PROVIDER_SESSION_COOKIE}=${sessionId}; Path=/oauth; HttpOnly; SameSite=Lax; ` +
    `Max-Age=${PROVIDER_SESSION_SECONDS}`;
  return { ...reply, cookie };
}

function forgetExpired(state: OidcState) {
  const now = state.nowMs();
  for (const [id, login] of state.logins)
    if (login.expiresAt <= now) state.logins.delete(id);
  for (const [code, issued] of state.codes)
    if (issued.expiresAt + 3_600_000 <= now) state.codes.delete(code);
  for (const [id, session] of state.sessions)
    if (session.expiresAt <= now) state.sessions.delete(id);
}
