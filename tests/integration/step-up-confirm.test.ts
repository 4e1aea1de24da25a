import '../support/next-cookies';
import { beforeEach, describe, expect, it } from 'vitest';
import { cookieName, REALMS } from '@/lib/auth/realm';
import { currentCustomer } from '@/lib/auth/guards';
import { twoFactorState } from '@/lib/auth/two-factor';
import { startCustomerSession } from '@/lib/auth/session';
import { headers } from 'next/headers';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { clientContext } from '@/lib/security/client-ip';
import { confirmPassword } from '@/lib/portal/confirm';
import { isRecentlyProved } from '@/lib/portal/step-up';
import { store } from '@/lib/store';
import { resetBrowser, resetStore } from '../support/admin';
import { jar } from '../support/next-cookies';
import { fakeWhmcs, json } from '../support/whmcs-fake';

// Confirming the password for a sensitive change: WHMCS must say it is this
// user's password; every try is counted and kept in the sign-in history.

const whmcs = fakeWhmcs();
const HOUR_AGO = () => Math.floor(Date.now() / 1000) - 3600;

beforeEach(async () => {
  resetStore();
  resetBrowser();
  await startCustomerSession(
    {
      userId: 7,
      email: 'alice@kraken.example',
      account: { clientId: 3, isOwner: true },
      authAt: HOUR_AGO(),
    },
    { ip: '192.0.2.7', userAgent: 'Firefox' },
  );
  expect(jar.get(cookieName(REALMS.customer))).toBeDefined();
});

const form = (password: string, next = '/domains/5') => {
  const data = new FormData();
  data.set('password', password);
  data.set('next', next);
  return data;
};

async function outcome(work: Promise<unknown>) {
  return work.then(
    (state) => ({ state, digest: null }),
    (e: unknown) => ({
      state: null,
      digest: (e as { digest?: string }).digest ?? String(e),
    }),
  );
}

const session = async () => {
  const current = await currentCustomer();
  if (!current) throw new Error('no session');
  return current;
};

describe('confirming the password', () => {
  it('proves the session and goes back to the page', async () => {
    whmcs.answer(
      json({
        result: 'success',
        userid: '7',
        passwordhash: 'h',
        twoFactorEnabled: false,
      }),
    );
    expect(await isRecentlyProved(await session())).toBe(false);

    const { digest } = await outcome(confirmPassword({ error: null }, form('right')));

    // Marked as just confirmed: the page says to press the button again.
    expect(digest).toMatch(/^NEXT_REDIRECT;replace;\/domains\/5\?confirmed=1;/);
    expect(await isRecentlyProved(await session())).toBe(true);
    expect(Object.fromEntries(whmcs.seen[0]!.form)).toMatchObject({
      action: 'ValidateLogin',
      email: 'alice@kraken.example',
    });
  });

  it('goes to a path on the portal only, whatever next says', async () => {
    whmcs.answer(
      json({
        result: 'success',
        userid: '7',
        passwordhash: 'h',
        twoFactorEnabled: false,
      }),
    );

    const { digest } = await outcome(
      confirmPassword({ error: null }, form('right', 'https://evil.example/')),
    );

    expect(digest).toMatch(/^NEXT_REDIRECT;replace;\/dashboard\?confirmed=1;/);
  });

  it('refuses a wrong password, and records the failure', async () => {
    whmcs.answer(json({ result: 'error', message: 'Email or Password Invalid' }));

    const { state } = await outcome(confirmPassword({ error: null }, form('wrong')));

    expect(state).toEqual({ error: 'That password is not right. Please try again.' });
    expect(await isRecentlyProved(await session())).toBe(false);
    const [latest] = await store().logins.list('customer', '7', 1);
    expect(latest).toMatchObject({ outcome: 'failure', reason: 'step-up:invalid' });
  });

  it("refuses another user's valid password", async () => {
    whmcs.answer(
      json({
        result: 'success',
        userid: '8',
        passwordhash: 'h',
        twoFactorEnabled: false,
      }),
    );

    const { state } = await outcome(confirmPassword({ error: null }, form('theirs')));

    expect(state).toEqual({ error: 'That password is not right. Please try again.' });
    expect(await isRecentlyProved(await session())).toBe(false);
  });

  it('sends a two-factor user to WHMCS instead', async () => {
    whmcs.answer(json({ result: 'success', userid: '7', twoFactorEnabled: true }));

    const { state } = await outcome(confirmPassword({ error: null }, form('right')));

    expect((state as { error: string }).error).toMatch(/Sign in with WHMCS/);
    expect(await isRecentlyProved(await session())).toBe(false);
    // From now on the confirmation page offers this login only "Sign in with WHMCS".
    expect(await twoFactorState(7)).toMatchObject({ state: 'on' });
  });

  it('notes two-factor as off when WHMCS accepts the password alone', async () => {
    whmcs.answer(
      json({
        result: 'success',
        userid: '7',
        passwordhash: 'h',
        twoFactorEnabled: false,
      }),
    );

    await outcome(confirmPassword({ error: null }, form('right')));

    expect(await twoFactorState(7)).toMatchObject({ state: 'off' });
  });

  it('learns nothing about two-factor from a wrong password', async () => {
    whmcs.answer(json({ result: 'error', message: 'Email or Password Invalid' }));

    await outcome(confirmPassword({ error: null }, form('wrong')));

    expect(await twoFactorState(7)).toEqual({ state: 'unknown' });
  });

  it('stops asking WHMCS once the attempts are used up', async () => {
    whmcs.answer(json({ result: 'error', message: 'Email or Password Invalid' }));
    const limit = Number(process.env.SIGN_IN_LIMIT_PER_ACCOUNT ?? 10);

    for (let i = 0; i < limit; i += 1)
      await confirmPassword({ error: null }, form('wrong'));
    const sent = whmcs.seen.length;
    const { state } = await outcome(confirmPassword({ error: null }, form('right')));

    expect(state).toEqual({
      error: 'Too many attempts. Please wait a few minutes and try again.',
    });
    expect(whmcs.seen.length).toBe(sent);
  });

  it('says WHMCS is unavailable without proving anything', async () => {
    whmcs.answer(json({ result: 'error', message: 'boom' }, 503));

    const { state } = await outcome(confirmPassword({ error: null }, form('right')));

    expect((state as { error: string }).error).toMatch(/right now/);
    expect(await isRecentlyProved(await session())).toBe(false);
  });
});

// An attacker holding a stolen session guesses the password on both forms: the
// confirmation page and the sign-in form. Both count against the same limits,
// so together they get no more guesses than the sign-in form alone.
describe('guessing on both forms', () => {
  const PER_ACCOUNT = Number(process.env.SIGN_IN_LIMIT_PER_ACCOUNT ?? 10);
  const PER_IP = Number(process.env.SIGN_IN_LIMIT_PER_IP ?? 20);
  // The sign-in form is used from the address the confirmation page sees.
  const guessSignIn = async (email = 'alice@kraken.example') =>
    signInWithPassword({ email, password: 'guess' }, clientContext(await headers()));
  const wrong = () =>
    whmcs.answer(json({ result: 'error', message: 'Email or Password Invalid' }));

  it('gets no step-up guesses once the sign-in form used up the account', async () => {
    wrong();
    for (let i = 0; i < PER_ACCOUNT; i += 1)
      expect((await guessSignIn()).kind).toBe('failed');
    const sent = whmcs.seen.length;

    const { state } = await outcome(confirmPassword({ error: null }, form('guess')));

    expect(state).toEqual({
      error: 'Too many attempts. Please wait a few minutes and try again.',
    });
    expect(whmcs.seen.length).toBe(sent);
  });

  it('gets no sign-in guesses once the step-up form used up the account', async () => {
    wrong();
    for (let i = 0; i < PER_ACCOUNT; i += 1)
      await confirmPassword({ error: null }, form('guess'));
    const sent = whmcs.seen.length;

    expect(await guessSignIn()).toMatchObject({ kind: 'limited' });
    expect(whmcs.seen.length).toBe(sent);
  });

  it('keeps the total across both forms within the account limit', async () => {
    wrong();
    const half = Math.floor(PER_ACCOUNT / 2);
    for (let i = 0; i < half; i += 1) await guessSignIn();
    for (let i = 0; i < PER_ACCOUNT; i += 1)
      await confirmPassword({ error: null }, form('guess'));
    await guessSignIn();

    const guesses = whmcs.seen.filter((s) => s.form.get('action') === 'ValidateLogin');
    expect(guesses).toHaveLength(PER_ACCOUNT);
  });

  it('counts step-up guesses against the address limit of the sign-in form', async () => {
    wrong();
    // Spread over many emails so that no account limit is reached first.
    for (let i = 0; i < PER_IP - 1; i += 1)
      await guessSignIn(`victim${i}@kraken.example`);
    const before = whmcs.seen.length;
    await confirmPassword({ error: null }, form('guess'));
    expect(whmcs.seen.length).toBe(before + 1);

    const { state } = await outcome(confirmPassword({ error: null }, form('guess')));

    expect(state).toEqual({
      error: 'Too many attempts. Please wait a few minutes and try again.',
    });
    expect(whmcs.seen.length).toBe(before + 1);
    expect(await guessSignIn('someone@kraken.example')).toMatchObject({
      kind: 'limited',
    });
  });
});
