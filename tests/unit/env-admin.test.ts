import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password-hash';
import { parseEnv } from '@/lib/env';
import { secretFor, TEST_COST } from '../support/staff';

// Staff accounts from ADMIN_USERS or ADMIN_USERS_FILE, checked at start-up
// with the rest of the configuration. Errors name the entry and field, never
// the value (the list holds password hashes).

const base = {
  WHMCS_URL: 'https://billing.example.com/',
  WHMCS_API_IDENTIFIER: 'id',
  WHMCS_API_SECRET: 'secret',
  JWT_SECRET: 'c'.repeat(40),
  ADMIN_JWT_SECRET: 'a'.repeat(40),
};
let account: Record<string, string>;

beforeAll(async () => {
  const passwordHash = await hashPassword('a long staff password', TEST_COST);
  account = {
    username: 'olivia',
    passwordHash,
    role: 'owner',
    totpSecret: secretFor('o'),
  };
});

const withUsers = (users: unknown) => ({ ...base, ADMIN_USERS: JSON.stringify(users) });

describe('staff accounts in the configuration', () => {
  it('reads the inline list', () => {
    expect(parseEnv(withUsers([account])).STAFF).toEqual([account]);
  });

  it('reads the list from the file ADMIN_USERS_FILE names', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kp-staff-')), 'staff.json');
    writeFileSync(file, JSON.stringify([account]), { mode: 0o600 });

    expect(parseEnv({ ...base, ADMIN_USERS_FILE: file }).STAFF).toEqual([account]);
  });

  it('has no staff when neither setting is given', () => {
    expect(parseEnv(base).STAFF).toEqual([]);
  });

  it.each([
    [
      'a weak hash',
      { passwordHash: 'scrypt$1024$8$1$c2FsdA$a2V5' },
      /entry 1 passwordHash/,
    ],
    ['a plain password', { passwordHash: 'hunter2hunter2' }, /entry 1 passwordHash/],
    ['an unknown role', { role: 'root' }, /entry 1 role/],
    ['a short TOTP secret', { totpSecret: 'JBSWY3DPEHPK3PXP' }, /entry 1 totpSecret/],
    ['a non-base32 TOTP secret', { totpSecret: 'not-base-32!' }, /totpSecret/],
    ['an upper-case username', { username: 'Olivia' }, /entry 1 username/],
    ['an unknown field', { password: 'plain' }, /ADMIN_USERS entry 1/],
  ])('refuses %s', (_what, change, message) => {
    expect(() => parseEnv(withUsers([{ ...account, ...change }]))).toThrow(message);
  });

  it('refuses a username listed twice', () => {
    expect(() => parseEnv(withUsers([account, account]))).toThrow(
      /entry 2 username is listed twice/,
    );
  });

  it('refuses both settings at once, and a file it cannot read', () => {
    const both = { ...withUsers([account]), ADMIN_USERS_FILE: '/nonexistent' };

    expect(() => parseEnv(both)).toThrow(/exclude each other/);
    expect(() =>
      parseEnv({ ...base, ADMIN_USERS_FILE: '/nonexistent/staff.json' }),
    ).toThrow(/ADMIN_USERS_FILE cannot be read \(ENOENT\)/);
  });

  it('never quotes the configured text in its error', () => {
    const broken = `[{"username":"olivia","passwordHash":"${account.passwordHash}"`;

    let message = '';
    try {
      parseEnv({ ...base, ADMIN_USERS: broken });
    } catch (error) {
      message = (error as Error).message;
    }

    expect(message).toBe('Invalid configuration: ADMIN_USERS is not valid JSON');
    expect(message).not.toContain(account.passwordHash?.slice(-12));
  });
});
