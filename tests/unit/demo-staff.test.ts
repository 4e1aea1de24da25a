import { describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password-hash';
import { matchTotp, totp } from '@/lib/auth/totp';
import { parseEnv } from '@/lib/env';
import { demoStaff } from '../../scripts/demo-staff.mjs';

// The demo stack's staff account is made outside the portal (scripts/ cannot
// load server-only code): the portal must accept it exactly as configured.

const base = {
  WHMCS_URL: 'http://127.0.0.1:8400/',
  WHMCS_API_IDENTIFIER: 'id',
  WHMCS_API_SECRET: 'secret',
  JWT_SECRET: 'c'.repeat(40),
  ADMIN_JWT_SECRET: 'a'.repeat(40),
};

describe('the demo staff account', () => {
  it('passes the start-up check and signs in with its password and code', async () => {
    const staff = demoStaff();

    const [account] = parseEnv({ ...base, ADMIN_USERS: staff.adminUsers }).STAFF;

    expect(account).toMatchObject({ username: 'admin', role: 'owner' });
    expect(await verifyPassword(staff.password, account?.passwordHash ?? null)).toBe(
      true,
    );
    expect(
      await verifyPassword(`${staff.password}x`, account?.passwordHash ?? null),
    ).toBe(false);
    expect(matchTotp(account?.totpSecret ?? '', totp(staff.totpSecret))).not.toBeNull();
  });

  it('makes a new password and secret per run unless given them', () => {
    const [a, b] = [demoStaff(), demoStaff()];
    const fixed = demoStaff({ password: 'fixed password 1', totpSecret: 'A'.repeat(32) });

    expect(a.password).not.toBe(b.password);
    expect(a.totpSecret).not.toBe(b.totpSecret);
    expect(a.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect([fixed.password, fixed.totpSecret]).toEqual([
      'fixed password 1',
      'A'.repeat(32),
    ]);
    expect(a.adminUsers).not.toContain(a.password);
  });
});
