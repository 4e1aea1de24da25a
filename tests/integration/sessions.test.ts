import '../support/next-cookies';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionCookieOptions } from '@/lib/auth/cookies';
import { currentCustomer } from '@/lib/auth/guards';
import { cookieName, REALMS } from '@/lib/auth/realm';
import { refreshIfDue } from '@/lib/auth/refresh';
import { endCustomerSession, startCustomerSession } from '@/lib/auth/session';
import { signCustomerToken, verifyCustomerToken } from '@/lib/auth/token';
import { store } from '@/lib/store';
import { jar } from '../support/next-cookies';

// Session records behind the tokens, attacked the way a thief would: copied
// cookies, replayed old tokens, stale sessions and too many devices.

const realm = REALMS.customer;
const T0 = Date.UTC(2026, 11, 4, 9, 0, 0);
const client = { ip: '192.0.2.10', userAgent: 'Mozilla/5.0 (X11; Linux) Chrome/150' };
const owner = { clientId: 1, isOwner: true };

const cookie = () => jar.get(cookieName(realm))?.value;
const setCookie = (value: string | undefined) => {
  if (value) jar.set(cookieName(realm), { value, options: {} });
};
const at = (minutes: number) => vi.setSystemTime(T0 + minutes * 60_000);
const seconds = (minutes: number) => Math.floor((T0 + minutes * 60_000) / 1000);

async function signIn(userId = 7) {
  const authAt = Math.floor(Date.now() / 1000);
  await startCustomerSession(
    { userId, email: 'u@kraken.example', account: owner, authAt },
    client,
  );
  return cookie();
}

beforeEach(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('kraken.store')];
  jar.clear();
  vi.useFakeTimers({ toFake: ['Date'] });
  at(0);
});
afterEach(() => vi.useRealTimers());

describe('customer sessions', () => {
  it('gives every sign-in a new session id, replacing a planted cookie', async () => {
    setCookie('planted-by-an-attacker');

    const first = await signIn();
    const second = await signIn();

    const sids = await Promise.all(
      [first, second].map(async (t) => (await verifyCustomerToken(realm, t))?.sid),
    );
    expect(first).not.toBe('planted-by-an-attacker');
    expect(sids[0]).toBeTruthy();
    expect(sids[0]).not.toBe(sids[1]);
  });

  it('refuses a copied cookie replayed after sign-out', async () => {
    const copied = await signIn();
    const sid = (await verifyCustomerToken(realm, copied))?.sid ?? null;

    await endCustomerSession(sid);
    setCookie(copied);

    expect(await currentCustomer()).toBeNull();
  });

  it('renews a token in its second half of life with a new jti', async () => {
    const token = await signIn();
    at(10);

    const outcome = await refreshIfDue(realm, token, seconds(10));

    expect(outcome.kind).toBe('rotated');
    const fresh = outcome.kind === 'rotated' ? outcome.token : undefined;
    const [a, b] = await Promise.all(
      [token, fresh].map((t) => verifyCustomerToken(realm, t)),
    );
    expect(b?.sid).toBe(a?.sid);
    expect(b?.jti).not.toBe(a?.jti);
  });

  it('lets a parallel request with the just-rotated token through (grace)', async () => {
    const token = await signIn();
    at(10);
    await refreshIfDue(realm, token, seconds(10));

    const racer = await refreshIfDue(realm, token, seconds(10) + 5);

    expect(racer.kind).toBe('pass');
  });

  it('ends the whole session when a rotated-out jti comes back later', async () => {
    const stolen = await signIn();
    at(10);
    const renewed = await refreshIfDue(realm, stolen, seconds(10));
    at(12);

    const replay = await refreshIfDue(realm, stolen, seconds(12));
    setCookie(renewed.kind === 'rotated' ? renewed.token : undefined);

    expect(replay).toEqual({ kind: 'ended', reason: 'reuse' });
    expect(await currentCustomer()).toBeNull();
  });

  it('keeps the cookie in the browser while a quiet session can still be renewed', async () => {
    // A browser drops a cookie at its expiry; what it still sends is what the
    // gate sees. After 20 quiet minutes the token has run out but the session
    // has not, so the cookie must still be there to be renewed.
    await signIn();
    const held = jar.get(cookieName(realm));
    at(20);
    const sent =
      held && (held.options.expires as Date).getTime() > Date.now()
        ? held.value
        : undefined;

    const outcome = await refreshIfDue(realm, sent, seconds(20));

    expect(outcome.kind).toBe('rotated');
  });

  it('lets the browser drop the cookie once the idle window is over', async () => {
    await signIn();
    const expires = jar.get(cookieName(realm))?.options.expires as Date;

    expect(expires.getTime()).toBe(
      T0 + (realm.accessTtlSeconds + realm.idleTtlSeconds) * 1000,
    );
  });

  it('gives staff cookies the staff idle window, not the five-minute token life', () => {
    const admin = REALMS.admin;
    const tokenExpiresAt = seconds(0) + admin.accessTtlSeconds;

    const { expires } = sessionCookieOptions(admin, tokenExpiresAt);

    expect(expires.getTime()).toBe((tokenExpiresAt + admin.idleTtlSeconds) * 1000);
    expect(sessionCookieOptions(admin, 0).expires.getTime()).toBe(0);
  });

  it('ends a session left idle past 30 minutes', async () => {
    const token = await signIn();
    at(31);

    const outcome = await refreshIfDue(realm, token, seconds(31));

    expect(outcome).toEqual({ kind: 'ended', reason: 'idle' });
  });

  it('keeps an active session past 15 minutes, then ends it at 12 hours', async () => {
    let token = await signIn();
    for (let minute = 10; minute < 12 * 60; minute += 10) {
      at(minute);
      setCookie(token);
      expect(await currentCustomer(), `minute ${minute}`).not.toBeNull();
      const outcome = await refreshIfDue(realm, token, seconds(minute));
      if (outcome.kind === 'rotated') token = outcome.token;
    }
    at(12 * 60);

    const end = await refreshIfDue(realm, token, seconds(12 * 60));

    expect(end.kind).toBe('ended');
  });

  it('evicts the oldest session when a sixth device signs in, and says why', async () => {
    const oldest = await signIn();
    for (let i = 1; i <= 5; i += 1) {
      at(i);
      await signIn();
    }

    const outcome = await refreshIfDue(realm, oldest, seconds(10));
    const live = await store().sessions.listActive('customer', '7');

    expect(live).toHaveLength(5);
    expect(outcome).toEqual({ kind: 'ended', reason: 'evicted' });
  });

  it('does not count another user’s sessions against the cap', async () => {
    for (let i = 0; i < 5; i += 1) await signIn(7);
    await signIn(8);

    expect(await store().sessions.listActive('customer', '7')).toHaveLength(5);
  });

  it.each([
    ['another client account', { cid: 3 }],
    ['another user', { sub: '8' }],
  ])(
    'refuses a validly signed token whose record belongs to %s',
    async (_what, change) => {
      const token = await signIn();
      const claims = await verifyCustomerToken(realm, token);
      if (!claims) throw new Error('no claims');
      const { exp: _exp, iat: _iat, ...rest } = claims;

      const forged = await signCustomerToken(realm, { ...rest, ...change });
      setCookie(forged.token);

      expect(await currentCustomer()).toBeNull();
    },
  );
});
