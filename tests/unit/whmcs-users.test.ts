import { describe, expect, it } from 'vitest';
import { WhmcsInvalidError, WhmcsRefusedError } from '@/lib/whmcs/errors';
import { findUser, getUserPermissions, validateLogin } from '@/lib/whmcs/users';
import { fakeWhmcs, json } from '../support/whmcs-fake';

const whmcs = fakeWhmcs();
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );
const success = (fields: Record<string, unknown>) =>
  json({ result: 'success', ...fields });
const HASH = 'a'.repeat(40);

describe('validateLogin', () => {
  it('sends the address as email and the password as password2', async () => {
    whmcs.answer(success({ userid: 4, passwordhash: HASH }));

    await validateLogin('dana@example.com', 'correct-horse');

    expect(whmcs.seen[0]?.form.get('email')).toBe('dana@example.com');
    expect(whmcs.seen[0]?.form.get('password2')).toBe('correct-horse');
    expect(whmcs.seen[0]?.form.has('password')).toBe(false);
  });

  it('accepts a success with a hash and two-factor off', async () => {
    whmcs.answer(success({ userid: '4', passwordhash: HASH, twoFactorEnabled: 'false' }));

    expect(await validateLogin('a@example.com', 'pw')).toEqual({
      ok: true,
      userId: 4,
      twoFactor: false,
    });
  });

  it.each([[true], ['true'], [1], ['1'], ['on']])(
    'requires two factors when twoFactorEnabled is %j',
    async (flag) => {
      whmcs.answer(success({ userid: 4, passwordhash: HASH, twoFactorEnabled: flag }));

      expect(await validateLogin('a@example.com', 'pw')).toMatchObject({
        twoFactor: true,
      });
    },
  );

  it('requires two factors when WHMCS leaves the hash out', async () => {
    whmcs.answer(success({ userid: 4 }));

    expect(await validateLogin('a@example.com', 'pw')).toMatchObject({ twoFactor: true });
  });

  it.each([['Email or Password Invalid'], ['email or password invalid']])(
    'answers {ok:false} to "%s"',
    async (message) => {
      whmcs.answer(json({ result: 'error', message }));

      expect(await validateLogin('a@example.com', 'pw')).toEqual({ ok: false });
    },
  );

  it('passes other refusals on to the caller', async () => {
    whmcs.answer(json({ result: 'error', message: 'Account is locked' }));

    expect(await failure(validateLogin('a@example.com', 'pw'))).toBeInstanceOf(
      WhmcsRefusedError,
    );
  });

  it.each([
    ['no userid', { result: 'success', passwordhash: HASH }],
    ['userid 0', { result: 'success', userid: 0, passwordhash: HASH }],
    ['userid "abc"', { result: 'success', userid: 'abc', passwordhash: HASH }],
    ['no result', { userid: 4, passwordhash: HASH }],
    [
      'an unknown two-factor value',
      { result: 'success', userid: 4, twoFactorEnabled: 'maybe' },
    ],
  ])('throws invalid for a success with %s', async (_case, body) => {
    whmcs.answer(json(body));

    expect(await failure(validateLogin('a@example.com', 'pw'))).toBeInstanceOf(
      WhmcsInvalidError,
    );
  });
});

describe('findUser', () => {
  const users = success({
    users: [
      { id: 3, firstname: 'Jo', lastname: 'A', email: 'ajo@example.com', clients: [] },
      {
        id: 4,
        firstname: 'Jo',
        lastname: 'B',
        email: 'Jo@Example.com',
        clients: [{ id: 9, isOwner: '1' }],
      },
    ],
  });

  it('returns the user with the same id and address in any case', async () => {
    whmcs.answer(users);

    const user = await findUser('jo@example.com', 4);

    expect(user).toEqual({
      id: 4,
      email: 'Jo@Example.com',
      firstName: 'Jo',
      lastName: 'B',
      clients: [{ clientId: 9, isOwner: true }],
    });
    expect(whmcs.seen[0]?.form.get('search')).toBe('jo@example.com');
  });

  it('returns null when the address belongs to a different id', async () => {
    whmcs.answer(users);

    expect(await findUser('jo@example.com', 3)).toBeNull();
  });
});

describe('getUserPermissions', () => {
  it.each([
    ['a flat array', ['invoices', 'tickets']],
    ['a nested list', { permission: ['invoices', 'tickets'] }],
    ['a comma-separated string', 'invoices,tickets'],
    ['a list with unknown names', ['invoices', 'launch_missiles', 'tickets']],
  ])('reads %s', async (_shape, permissions) => {
    whmcs.answer(success({ permissions }));

    expect(await getUserPermissions(4, 9)).toEqual(['invoices', 'tickets']);
  });

  it('grants nothing when WHMCS names no permissions', async () => {
    whmcs.answer(success({}));

    expect(await getUserPermissions(4, 9)).toEqual([]);
  });

  it('asks for the user on the client', async () => {
    whmcs.answer(success({}));

    await getUserPermissions(4, 9);

    expect(whmcs.seen[0]?.form.get('user_id')).toBe('4');
    expect(whmcs.seen[0]?.form.get('client_id')).toBe('9');
  });
});
