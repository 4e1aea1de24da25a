import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, DEMO_PASSWORD } from '@/whmcs-sim/seed';
import { startSimulator, type RunningSimulator } from '@/whmcs-sim/server';
import {
  authorizeUrl,
  exchange,
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

// Like WHMCS, the simulator remembers a browser that signed in and sends it
// straight back next time: the relying party's prompt and max_age decide
// whether it must type its password again, and auth_time says when it did.
describe('simulator OIDC: a browser that signed in before', () => {
  const TEN_MINUTES = 600_000;

  async function signedInBrowser(): Promise<string> {
    const page = await openAuthorize(authorizeUrl(running.url));
    const back = await signInAt(running.url, page, 'alice@kraken.example', DEMO_PASSWORD);
    if (!back.cookie) throw new Error('no provider session cookie');
    return back.cookie;
  }

  /** The ID token's claims for the code in `back` (no signature check: the token tests do that). */
  async function claimsOf(back: { location: string | null }) {
    const code = new URL(back.location ?? 'http://x/').searchParams.get('code') ?? '';
    const { body } = await exchange(running.url, {
      code,
      client_id: TEST_CLIENT.clientId,
      client_secret: TEST_CLIENT.clientSecret,
    });
    const payload = (body.id_token ?? '').split('.')[1] ?? '';
    return JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
      sub: string;
      auth_time?: number;
    };
  }

  it('is sent back without the password, with the auth_time of its sign-in', async () => {
    const cookie = await signedInBrowser();
    const signedInAt = Math.floor(Date.now() / 1000);
    const realNow = running.sim.oidc.nowMs;
    running.sim.oidc.nowMs = () => realNow() + TEN_MINUTES;
    try {
      const back = await openAuthorize(authorizeUrl(running.url), cookie);

      expect(back.status).toBe(302);
      const claims = await claimsOf(back);
      expect(claims.sub).toBe('1');
      expect(claims.auth_time).toBeGreaterThanOrEqual(signedInAt - 1);
      expect(claims.auth_time).toBeLessThanOrEqual(signedInAt + 1);
    } finally {
      running.sim.oidc.nowMs = realNow;
    }
  });

  it.each([
    ['prompt=login', { prompt: 'login' }],
    ['max_age=0', { max_age: '0' }],
    ['prompt=login and max_age=0', { prompt: 'login', max_age: '0' }],
  ])('is asked for the password again with %s', async (_name, params) => {
    const cookie = await signedInBrowser();
    const realNow = running.sim.oidc.nowMs;
    running.sim.oidc.nowMs = () => realNow() + 5_000;
    try {
      const page = await openAuthorize(authorizeUrl(running.url, params), cookie);
      expect(page.status).toBe(200);
      expect(page.html).toContain('name="password"');

      const back = await signInAt(
        running.url,
        page,
        'alice@kraken.example',
        DEMO_PASSWORD,
      );
      const claims = await claimsOf(back);
      expect(claims.auth_time).toBeGreaterThanOrEqual(Math.floor(realNow() / 1000) + 4);
    } finally {
      running.sim.oidc.nowMs = realNow;
    }
  });

  it('is sent back within a max_age its sign-in is younger than', async () => {
    const cookie = await signedInBrowser();

    const back = await openAuthorize(
      authorizeUrl(running.url, { max_age: '3600' }),
      cookie,
    );

    expect(back.status).toBe(302);
    expect(back.location).toContain('code=');
  });

  it('answers prompt=none without a remembered sign-in with login_required', async () => {
    const back = await openAuthorize(authorizeUrl(running.url, { prompt: 'none' }));

    expect(new URL(back.location ?? 'http://x/').searchParams.get('error')).toBe(
      'login_required',
    );
  });

  it('refuses a max_age that is not a number of seconds', async () => {
    const back = await openAuthorize(authorizeUrl(running.url, { max_age: '-1' }));

    expect(new URL(back.location ?? 'http://x/').searchParams.get('error')).toBe(
      'invalid_request',
    );
  });
});
