import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, DEMO_PASSWORD } from '@/whmcs-sim/seed';
import { startSimulator, type RunningSimulator } from '@/whmcs-sim/server';
import {
  authorizeUrl,
  openAuthorize,
  REDIRECT_URI,
  signInAt,
  TEST_CLIENT,
} from '../support/oidc-sim';

// The simulator's OpenID Connect provider over real HTTP: discovery, the
// sign-in page, the token endpoint's client checks and its single-use codes.

let running: RunningSimulator;

beforeAll(async () => {
  running = await startSimulator({
    credentials: DEFAULT_CREDENTIALS,
    oidc: { clients: [TEST_CLIENT] },
  });
});
afterAll(() => running.close());

describe('simulator OIDC discovery', () => {
  it('serves the same document at the WHMCS path and the well-known path', async () => {
    const whmcs = await (
      await fetch(`${running.url}/oauth/openid-configuration.php`)
    ).json();
    const wellKnown = await (
      await fetch(`${running.url}/.well-known/openid-configuration`)
    ).json();

    expect(wellKnown).toEqual(whmcs);
    expect(whmcs).toMatchObject({
      issuer: running.url,
      token_endpoint: `${running.url}/oauth/token.php`,
      jwks_uri: `${running.url}/oauth/certs.php`,
    });
    expect(whmcs).not.toHaveProperty('code_challenge_methods_supported');
  });
});

describe('simulator OIDC authorization', () => {
  it('refuses an unknown client without redirecting anywhere', async () => {
    const page = await openAuthorize(authorizeUrl(running.url, { client_id: 'nobody' }));

    expect(page.status).toBe(400);
    expect(page.location).toBeNull();
  });

  it('refuses a redirect_uri that is not an exact registered match', async () => {
    for (const uri of [
      `${REDIRECT_URI}/x`,
      `${REDIRECT_URI}?a=1`,
      'https://evil.example/',
    ]) {
      const page = await openAuthorize(authorizeUrl(running.url, { redirect_uri: uri }));

      expect(page.status).toBe(400);
      expect(page.location).toBeNull();
    }
  });

  it('sends a password user back with a code and the same state', async () => {
    const page = await openAuthorize(authorizeUrl(running.url));

    const back = await signInAt(running.url, page, 'alice@kraken.example', DEMO_PASSWORD);

    const url = new URL(back.location ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(REDIRECT_URI);
    expect(url.searchParams.get('state')).toBe('state-123');
    expect(url.searchParams.get('code')).toMatch(/^[\w-]{40,}$/);
  });

  it('shows the same page again after a wrong password', async () => {
    const page = await openAuthorize(authorizeUrl(running.url));

    const back = await signInAt(running.url, page, 'alice@kraken.example', 'wrong');

    expect(back.status).toBe(200);
    expect(back.location).toBeNull();
    expect(back.html).toContain('Email or password incorrect.');
  });
});
