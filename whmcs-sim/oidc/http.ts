// The OIDC endpoints over node:http, at the paths WHMCS serves them
// (docs/whmcs.md#oidc-provider), plus the test-only tamper switch when it was
// asked for.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isTamperMode } from './config';
import type { OidcProvider, OidcReply } from './provider';

const DISCOVERY = new Set([
  '/oauth/openid-configuration.php',
  '/.well-known/openid-configuration',
]);
const TAMPER_PATH = '/__sim/oidc/tamper';
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1)$/;
const MAX_FORM = 64 * 1024;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req as AsyncIterable<Buffer>) {
    text += chunk.toString('utf8');
    if (text.length > MAX_FORM) throw new Error('form too large');
  }

  return new URLSearchParams(text);
}

function send(res: ServerResponse, reply: OidcReply) {
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (reply.type === 'redirect') {
    if (reply.cookie) headers['set-cookie'] = reply.cookie;
    res.writeHead(302, { ...headers, location: reply.location });
    return res.end();
  }
  if (reply.type === 'html') {
    headers['content-type'] = 'text/html; charset=utf-8';
    headers['x-frame-options'] = 'DENY';
    res.writeHead(reply.status, headers);
    return res.end(reply.body);
  }
  res.writeHead(reply.status, {
    ...headers,
    ...reply.headers,
    'content-type': 'application/json; charset=utf-8',
  });
  res.end(JSON.stringify(reply.body));
}

const json = (body: unknown, status = 200): OidcReply => ({ status, type: 'json', body });

async function tamperControl(
  req: IncomingMessage,
  oidc: OidcProvider,
): Promise<OidcReply> {
  const ip = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  if (!LOOPBACK.test(ip)) return json({ error: 'loopback only' }, 403);
  if (req.method === 'POST') {
    const mode = (await readForm(req)).get('mode');
    if (!isTamperMode(mode)) return json({ error: 'unknown mode' }, 400);
    oidc.tamper = mode;
  }

  return json({ tamper: oidc.tamper });
}

/** Answers an OIDC path and returns true, or returns false for the caller to route. */
export async function handleOidc(
  req: IncomingMessage,
  res: ServerResponse,
  oidc: OidcProvider,
  testControl: boolean,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://sim');
  const method = req.method ?? 'GET';
  const auth = req.headers.authorization;
  let reply: OidcReply | null = null;
  if (DISCOVERY.has(url.pathname) && method === 'GET') reply = json(oidc.discovery());
  else if (url.pathname === '/oauth/certs.php' && method === 'GET')
    reply = json(oidc.jwks());
  else if (url.pathname === '/oauth/authorize.php' && method === 'GET')
    reply = oidc.authorize(url.searchParams, req.headers.cookie);
  else if (url.pathname === '/oauth/authorize.php' && method === 'POST')
    reply = oidc.submitLogin(await readForm(req));
  else if (url.pathname === '/oauth/token.php' && method === 'POST')
    reply = oidc.token(await readForm(req), auth);
  else if (
    url.pathname === '/oauth/userinfo.php' &&
    (method === 'GET' || method === 'POST')
  )
    reply = oidc.userinfo(auth);
  else if (url.pathname === TAMPER_PATH && testControl)
    reply = await tamperControl(req, oidc);
  if (!reply) return false;

  send(res, reply);
  return true;
}
