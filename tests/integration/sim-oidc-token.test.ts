import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, DEMO_PASSWORD } from '@/whmcs-sim/seed';
import { startSimulator, type RunningSimulator } from '@/whmcs-sim/server';
import * as oidcSim from '../support/oidc-sim';

// The simulator's token endpoint over real HTTP: client authentication, single-use
// 60-second codes, the ID token's signature and claims, and its tamper switch.

let running: RunningSimulator;

beforeAll(async () => {
  running = await startSimulator({
    credentials: DEFAULT_CREDENTIALS,
    oidc: { clients: [oidcSim.TEST_CLIENT] },
  });
});
afterAll(() => running.close());
beforeEach(() => {
  running.sim.oidc.tamper = 'none';
});

const codeFor = (email: string) => oidcSim.codeFor(running.url, email, DEMO_PASSWORD);
const exchange = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  oidcSim.exchange(running.url, fields, headers);
const postAuth = {
  client_id: oidcSim.TEST_CLIENT.clientId,
  client_secret: oidcSim.TEST_CLIENT.clientSecret,
};
const basic = (id: string, secret: string) => ({
  authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
});

describe('simulator OIDC token endpoint', () => {
  it('returns an RS256 ID token that verifies against its JWKS', async () => {
    const { status, body } = await exchange({
      code: await codeFor('alice@kraken.example'),
      ...postAuth,
    });

    const jwks = createRemoteJWKSet(new URL(`${running.url}/oauth/certs.php`));
    const { payload } = await jwtVerify(body.id_token ?? '', jwks, {
      issuer: running.url,
      audience: oidcSim.TEST_CLIENT.clientId,
      algorithms: ['RS256'],
    });
    expect(status).toBe(200);
    expect(payload).toMatchObject({
      sub: '1',
      email: 'alice@kraken.example',
      nonce: 'nonce-456',
    });
    expect(payload.exp! - payload.iat!).toBe(300);
  });

  it('accepts client_secret_basic and refuses a wrong secret', async () => {
    const good = await exchange(
      { code: await codeFor('alice@kraken.example') },
      basic(oidcSim.TEST_CLIENT.clientId, oidcSim.TEST_CLIENT.clientSecret),
    );
    const bad = await exchange(
      { code: await codeFor('alice@kraken.example') },
      basic(oidcSim.TEST_CLIENT.clientId, 'guess'),
    );

    expect(good.status).toBe(200);
    expect(bad).toEqual({ status: 401, body: { error: 'invalid_client' } });
  });

  it('honours a code once; the replay also revokes the first access token', async () => {
    const code = await codeFor('alice@kraken.example');
    const first = await exchange({ code, ...postAuth });

    const replay = await exchange({ code, ...postAuth });

    const info = await fetch(`${running.url}/oauth/userinfo.php`, {
      headers: { authorization: `Bearer ${first.body.access_token}` },
    });
    expect(first.status).toBe(200);
    expect(replay).toEqual({ status: 400, body: { error: 'invalid_grant' } });
    expect(info.status).toBe(401);
  });

  it('refuses a code older than 60 seconds', async () => {
    const code = await codeFor('alice@kraken.example');
    const realNow = running.sim.oidc.nowMs;
    running.sim.oidc.nowMs = () => Date.now() + 61_000;

    const late = await exchange({ code, ...postAuth }).finally(() => {
      running.sim.oidc.nowMs = realNow;
    });

    expect(late).toEqual({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses a code sent with another redirect_uri', async () => {
    const code = await codeFor('alice@kraken.example');

    const answer = await exchange({
      code,
      ...postAuth,
      redirect_uri: 'http://localhost:3999/x',
    });

    expect(answer.body).toEqual({ error: 'invalid_grant' });
  });

  it('answers userinfo for the access token it issued', async () => {
    const { body } = await exchange({
      code: await codeFor('alice@kraken.example'),
      ...postAuth,
    });

    const info = await fetch(`${running.url}/oauth/userinfo.php`, {
      headers: { authorization: `Bearer ${body.access_token}` },
    });

    expect(await info.json()).toMatchObject({ sub: '1', email: 'alice@kraken.example' });
  });

  it('breaks the ID token as asked, and each break fails verification', async () => {
    const jwks = createRemoteJWKSet(new URL(`${running.url}/oauth/certs.php`));
    const modes = [
      'foreign-key',
      'expired',
      'wrong-issuer',
      'wrong-audience',
      'alg-none',
    ] as const;
    for (const mode of modes) {
      running.sim.oidc.tamper = mode;
      const { body } = await exchange({
        code: await codeFor('alice@kraken.example'),
        ...postAuth,
      });

      const verified = jwtVerify(body.id_token ?? '', jwks, {
        issuer: running.url,
        audience: oidcSim.TEST_CLIENT.clientId,
      });

      await expect(verified, mode).rejects.toThrow();
      if (mode === 'alg-none')
        expect(decodeProtectedHeader(body.id_token!).alg).toBe('none');
    }
  });
});
