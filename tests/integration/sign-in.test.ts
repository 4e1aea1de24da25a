import '../support/next-cookies';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REALMS } from '@/lib/auth/realm';
import { readPendingSignIn } from '@/lib/auth/picker';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { twoFactorState } from '@/lib/auth/two-factor';
import { verifyCustomerToken } from '@/lib/auth/token';
import { createSimulator } from '@/whmcs-sim/core';
import { DEFAULT_CREDENTIALS, DEMO_PASSWORD } from '@/whmcs-sim/seed';
import { whmcsHandlers } from '@/whmcs-sim/msw';
import { jar } from '../support/next-cookies';

// The password sign-in path end to end against the simulator core (through
// msw), with Next's cookie store replaced by an in-memory jar.

const client = { ip: '127.0.0.1', userAgent: 'vitest' };
const sim = createSimulator({ credentials: DEFAULT_CREDENTIALS });
const server = setupServer(...whmcsHandlers(sim, 'http://127.0.0.1:9'));

beforeAll(() => {
  process.env.WHMCS_API_IDENTIFIER = DEFAULT_CREDENTIALS.identifier;
  process.env.WHMCS_API_SECRET = DEFAULT_CREDENTIALS.secret;
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => server.close());
beforeEach(() => {
  // A fresh in-memory store: rate-limit counts must not carry over between tests.
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('kraken.store')];
  jar.clear();
  server.resetHandlers();
});

const sessionClaims = () =>
  verifyCustomerToken(REALMS.customer, jar.get(REALMS.customer.cookieBase)?.value);

describe('password sign-in', () => {
  it('signs an owner with one account straight in, to the requested page', async () => {
    const result = await signInWithPassword(
      {
        email: 'alice@kraken.example',
        password: DEMO_PASSWORD,
        next: '/invoices?status=Unpaid',
      },
      client,
    );

    expect(result).toEqual({ kind: 'signed-in', next: '/invoices?status=Unpaid' });
    expect(await sessionClaims()).toMatchObject({ cid: 1, own: true, perm: [] });
  });

  it('accepts the email in any letter case', async () => {
    const result = await signInWithPassword(
      {
        email: 'ALICE@Kraken.Example',
        password: DEMO_PASSWORD,
      },
      client,
    );

    expect(result.kind).toBe('signed-in');
  });

  it('gives a wrong password and an unknown email the same answer', async () => {
    const wrong = await signInWithPassword(
      {
        email: 'alice@kraken.example',
        password: 'nope',
      },
      client,
    );
    const unknown = await signInWithPassword(
      {
        email: 'nobody@kraken.example',
        password: 'nope',
      },
      client,
    );

    expect(wrong).toEqual({ kind: 'failed', reason: 'invalid' });
    expect(unknown).toEqual(wrong);
    expect(jar.size).toBe(0);
  });

  it('issues no session to a two-factor user from the password alone', async () => {
    const result = await signInWithPassword(
      {
        email: 'secure@kraken.example',
        password: DEMO_PASSWORD,
      },
      client,
    );

    expect(result).toEqual({ kind: 'failed', reason: 'twoFactor' });
    expect(jar.size).toBe(0);
  });

  it('notes what WHMCS said of two-factor, for the pages that offer what fits', async () => {
    const secure = sim.state.users.find((u) => u.email === 'secure@kraken.example');
    const alice = sim.state.users.find((u) => u.email === 'alice@kraken.example');
    if (!secure || !alice) throw new Error('demo users missing');

    await signInWithPassword({ email: secure.email, password: DEMO_PASSWORD }, client);
    await signInWithPassword({ email: alice.email, password: DEMO_PASSWORD }, client);
    await signInWithPassword({ email: 'sam@kraken.example', password: 'wrong' }, client);
    const sam = sim.state.users.find((u) => u.email === 'sam@kraken.example');

    expect(await twoFactorState(secure.id)).toMatchObject({ state: 'on' });
    expect(await twoFactorState(alice.id)).toMatchObject({ state: 'off' });
    expect(await twoFactorState(sam?.id ?? 0)).toEqual({ state: 'unknown' });
  });

  it('sends a login with several accounts to the picker without a session', async () => {
    const result = await signInWithPassword(
      {
        email: 'sam@kraken.example',
        password: DEMO_PASSWORD,
      },
      client,
    );

    expect(result).toEqual({ kind: 'pick-account' });
    expect(await sessionClaims()).toBeNull();
    expect((await readPendingSignIn())?.clients.map((c) => c.clientId).sort()).toEqual([
      2, 3,
    ]);
  });

  it("carries a non-owner's WHMCS permissions into the session", async () => {
    const result = await signInWithPassword(
      {
        email: 'contractor@kraken.example',
        password: DEMO_PASSWORD,
      },
      client,
    );

    expect(result.kind).toBe('signed-in');
    expect(await sessionClaims()).toMatchObject({ cid: 1, own: false });
    expect((await sessionClaims())?.perm.slice().sort()).toEqual(['products', 'tickets']);
  });

  it('drops a hostile next= to the dashboard', async () => {
    const result = await signInWithPassword(
      {
        email: 'alice@kraken.example',
        password: DEMO_PASSWORD,
        next: '//evil.example',
      },
      client,
    );

    expect(result).toEqual({ kind: 'signed-in', next: '/dashboard' });
  });
});

describe('malformed ValidateLogin answers', () => {
  it.each([
    ['no userid', '{"result":"success","twoFactorEnabled":"false","passwordhash":"x"}'],
    ['userid zero', '{"result":"success","userid":"0","passwordhash":"x"}'],
    [
      'userid not a number',
      '{"result":"success","userid":"1 OR 1=1","passwordhash":"x"}',
    ],
    ['no result', '{"userid":"1","passwordhash":"x"}'],
    ['an array', '[{"result":"success","userid":"1"}]'],
    ['HTML', '<html><body>Maintenance</body></html>'],
    ['truncated JSON', '{"result":"success","userid":"1"'],
  ])('deny a session when the answer has %s', async (_case, body) => {
    server.use(
      http.post(
        'http://127.0.0.1:9/includes/api.php',
        () => new HttpResponse(body, { headers: { 'content-type': 'application/json' } }),
      ),
    );

    const result = await signInWithPassword(
      {
        email: 'alice@kraken.example',
        password: DEMO_PASSWORD,
      },
      client,
    );

    expect(result.kind).toBe('failed');
    expect(jar.size).toBe(0);
  });
});
