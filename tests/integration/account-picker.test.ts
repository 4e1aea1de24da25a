import '../support/next-cookies';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pickAccount } from '@/lib/auth/actions';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { createSimulator } from '@/whmcs-sim/core';
import { whmcsHandlers } from '@/whmcs-sim/msw';
import { DEFAULT_CREDENTIALS, DEMO_PASSWORD } from '@/whmcs-sim/seed';
import { jar } from '../support/next-cookies';

// The account picker's sealed note proves a password was checked; it must
// open exactly one session, and only for an account the login really has.

const sim = createSimulator({ credentials: DEFAULT_CREDENTIALS });
const server = setupServer(...whmcsHandlers(sim, 'http://127.0.0.1:9'));
const client = { ip: '127.0.0.1', userAgent: 'vitest' };

beforeAll(() => {
  process.env.WHMCS_API_IDENTIFIER = DEFAULT_CREDENTIALS.identifier;
  process.env.WHMCS_API_SECRET = DEFAULT_CREDENTIALS.secret;
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => server.close());
beforeEach(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('kraken.store')];
  jar.clear();
});

/** Runs a server action that ends in redirect() and returns where it went. */
async function redirectOf(action: Promise<void>): Promise<string> {
  const error: unknown = await action.then(
    () => null,
    (e: unknown) => e,
  );
  const digest = (error as { digest?: string } | null)?.digest ?? '';
  expect(digest).toMatch(/^NEXT_REDIRECT/);

  return digest.split(';')[2] ?? '';
}

const choose = (clientId: string) => {
  const form = new FormData();
  form.set('clientId', clientId);
  return form;
};

describe('the account picker', () => {
  it('opens one session for a chosen account, and refuses a copied note', async () => {
    await signInWithPassword(
      { email: 'sam@kraken.example', password: DEMO_PASSWORD },
      client,
    );
    const note = jar.get('kp_pick');

    const first = await redirectOf(pickAccount(choose('3')));
    if (note) jar.set('kp_pick', note);
    const again = await redirectOf(pickAccount(choose('2')));

    expect(first).toBe('/dashboard');
    expect(again).toBe('/login?expired=1');
  });

  it("refuses an account the login doesn't have", async () => {
    await signInWithPassword(
      { email: 'sam@kraken.example', password: DEMO_PASSWORD },
      client,
    );

    const where = await redirectOf(pickAccount(choose('1')));

    expect(where).toBe('/select-account');
    expect(jar.has('kp_session')).toBe(false);
  });
});
