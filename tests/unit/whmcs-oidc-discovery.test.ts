import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WhmcsError } from '@/lib/whmcs/errors';
import { discoverOidc, type OidcSettings } from '@/lib/whmcs/oidc';

// WHMCS's discovery document, read from its own path: the issuer is pinned
// to configuration, endpoints must stay on its origin, and PKCE is used only
// when offered. Each test has an issuer of its own (answers are cached).

const documents = new Map<string, unknown>();
const server = setupServer(
  http.get('https://:host/oauth/openid-configuration.php', ({ request }) => {
    const doc = documents.get(new URL(request.url).origin);
    return doc ? HttpResponse.json(doc) : new HttpResponse('Not Found', { status: 404 });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

function whmcs(host: string, extra: Record<string, unknown> = {}): OidcSettings {
  const issuer = `https://${host}`;
  documents.set(issuer, {
    issuer,
    authorization_endpoint: `${issuer}/oauth/authorize.php`,
    token_endpoint: `${issuer}/oauth/token.php`,
    userinfo_endpoint: `${issuer}/oauth/userinfo.php`,
    jwks_uri: `${issuer}/oauth/certs.php`,
    ...extra,
  });
  return { issuer, clientId: 'c', clientSecret: 's', secret: 'x'.repeat(32) };
}

const refusal = (settings: OidcSettings) =>
  discoverOidc(settings).then(
    () => null,
    (error: unknown) => (error instanceof WhmcsError ? error.kind : error),
  );

describe('WHMCS OIDC discovery', () => {
  it('reads the endpoints, without PKCE when none is advertised', async () => {
    const endpoints = await discoverOidc(whmcs('a.example'));

    expect(endpoints).toEqual({
      authorizationUrl: 'https://a.example/oauth/authorize.php',
      tokenUrl: 'https://a.example/oauth/token.php',
      userinfoUrl: 'https://a.example/oauth/userinfo.php',
      jwksUrl: 'https://a.example/oauth/certs.php',
      pkce: false,
      authMethod: 'client_secret_basic',
    });
  });

  it('uses PKCE when S256 is offered, and client_secret_post when basic is not', async () => {
    const settings = whmcs('b.example', {
      code_challenge_methods_supported: ['plain', 'S256'],
      token_endpoint_auth_methods_supported: ['client_secret_post'],
    });

    expect(await discoverOidc(settings)).toMatchObject({
      pkce: true,
      authMethod: 'client_secret_post',
    });
  });

  it('refuses a document that names another issuer', async () => {
    const settings = whmcs('c.example', { issuer: 'https://evil.example' });

    expect(await refusal(settings)).toBe('misconfigured');
  });

  it('refuses endpoints on another origin', async () => {
    const settings = whmcs('d.example', { jwks_uri: 'https://evil.example/keys' });

    expect(await refusal(settings)).toBe('misconfigured');
  });

  it('reports a missing or malformed document as a WHMCS error', async () => {
    const missing: OidcSettings = { ...whmcs('e.example'), issuer: 'https://f.example' };
    const malformed = whmcs('g.example', { token_endpoint: 42 });

    expect(await refusal(missing)).toBe('unavailable');
    expect(await refusal(malformed)).toBe('invalid');
  });
});
