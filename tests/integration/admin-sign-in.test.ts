import '../support/next-cookies';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { REALMS } from '@/lib/auth/realm';
import { verifyToken } from '@/lib/auth/token';
import { store } from '@/lib/store';
import {
  ADMIN_COOKIE,
  codeOf,
  cookieValue,
  postCode,
  postPassword,
  resetBrowser,
  resetStore,
  signInStaff,
  STEP_COOKIE,
} from '../support/admin';
import { jar } from '../support/next-cookies';
import { configureStaff } from '../support/staff';

// Staff sign-in through its route handlers, attacked: wrong and replayed
// codes, a skipped or replayed second step, the seal used as a session.

beforeAll(() => configureStaff());
beforeEach(() => {
  resetStore();
  resetBrowser();
});
afterEach(() => vi.useRealTimers());

describe('staff sign-in', () => {
  it('goes password, then code, then a staff session with the role in its token', async () => {
    const first = await postPassword('olivia');
    const step = jar.get(STEP_COOKIE);

    const second = await postCode(codeOf('olivia'));

    expect(first.status).toBe(303);
    expect(step?.options).toMatchObject({
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
    });
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe('/admin');
    expect(jar.get(ADMIN_COOKIE)?.options).toMatchObject({
      httpOnly: true,
      sameSite: 'strict',
    });
    const claims = await verifyToken(REALMS.admin, cookieValue(ADMIN_COOKIE));
    expect(claims).toMatchObject({ sub: 'olivia', role: 'owner' });
    // Expired with its own flags: browsers ignore a __Host- deletion without Secure.
    expect(jar.get(STEP_COOKIE)).toMatchObject({
      value: '',
      options: { maxAge: 0, path: '/', sameSite: 'strict', httpOnly: true },
    });
  });

  it('takes a username in any case and with spaces around it', async () => {
    const response = await postPassword('  Olivia ');

    expect(response.headers.get('location')).toBe('/admin/login/totp');
  });

  it('refuses a wrong code and issues no session', async () => {
    await postPassword('olivia');
    const right = codeOf('olivia');
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');

    const response = await postCode(wrong);

    expect(response.headers.get('location')).toBe('/admin/login/totp?error=code');
    expect(cookieValue(ADMIN_COOKIE)).toBeUndefined();
  });

  it('refuses a code from two steps ago (expired)', async () => {
    await postPassword('olivia');

    const response = await postCode(codeOf('olivia', -2));

    expect(response.headers.get('location')).toBe('/admin/login/totp?error=code');
    expect(cookieValue(ADMIN_COOKIE)).toBeUndefined();
  });

  it('refuses a code used once already, even from a new password step', async () => {
    const code = codeOf('olivia');
    await postPassword('olivia');
    await postCode(code);
    resetBrowser();
    await postPassword('olivia');

    const replay = await postCode(code);

    expect(replay.headers.get('location')).toBe('/admin/login/totp?error=code');
    expect(cookieValue(ADMIN_COOKIE)).toBeUndefined();
  });

  it('refuses the sealed note replayed after it made a session', async () => {
    await postPassword('olivia');
    const note = jar.get(STEP_COOKIE);
    await postCode(codeOf('olivia'));
    resetBrowser();
    if (note) jar.set(STEP_COOKIE, note);

    const replay = await postCode(codeOf('olivia', 1));

    expect(replay.headers.get('location')).toBe('/admin/login?error=expired');
    expect(cookieValue(ADMIN_COOKIE)).toBeUndefined();
  });

  it('refuses the code step without a note, with a forged note, or with an old one', async () => {
    const missing = await postCode(codeOf('olivia'));
    jar.set(STEP_COOKIE, { value: 'Fe26.2**forged**', options: {} });
    const forged = await postCode(codeOf('olivia'));
    vi.useFakeTimers({ toFake: ['Date'] });
    await postPassword('olivia');
    vi.setSystemTime(Date.now() + 6 * 60_000);
    const late = await postCode(codeOf('olivia'));

    for (const response of [missing, forged, late])
      expect(response.headers.get('location')).toBe('/admin/login?error=expired');
    expect(cookieValue(ADMIN_COOKIE)).toBeUndefined();
  });

  it('ends the oldest of three staff sessions of one person', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const sids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      resetBrowser();
      const token = await signInStaff('olivia');
      sids.push((await verifyToken(REALMS.admin, token))?.sid ?? '');
      vi.setSystemTime(Date.now() + 31_000);
    }

    const live = await store().sessions.listActive('admin', 'olivia');
    const oldest = await store().sessions.get(sids[0] ?? '');

    expect(live.map((s) => s.sid).sort()).toEqual([sids[1], sids[2]].sort());
    expect(oldest?.revokedReason).toBe('evicted');
  });
});
