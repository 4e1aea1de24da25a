import { hashPassword, type ScryptCost } from '@/lib/auth/password-hash';
import { base32Encode } from '@/lib/auth/totp';

// Staff accounts for tests, configured through ADMIN_USERS like a real
// install. Hashes use the lowest cost the portal accepts, to keep tests quick.

export const STAFF_PASSWORD = 'correct horse battery staple';
export const TEST_COST = { N: 2 ** 15, r: 8, p: 1 };

export type TestStaff = {
  username: string;
  role: 'owner' | 'billing' | 'support' | 'readonly';
  totpSecret: string;
};

export function secretFor(username: string): string {
  return base32Encode(Buffer.from(`totp-secret-of-${username}`.padEnd(20, '.')));
}

export const STAFF: TestStaff[] = [
  { username: 'olivia', role: 'owner', totpSecret: secretFor('olivia') },
  { username: 'sam', role: 'support', totpSecret: secretFor('sam') },
  { username: 'rita', role: 'readonly', totpSecret: secretFor('rita') },
];

/** Sets ADMIN_USERS; call before the first env() of the test file. */
export async function configureStaff(
  staff: TestStaff[] = STAFF,
  cost: ScryptCost = TEST_COST,
): Promise<void> {
  const entries = await Promise.all(
    staff.map(async (s) => ({
      ...s,
      passwordHash: await hashPassword(STAFF_PASSWORD, cost),
    })),
  );
  process.env.ADMIN_USERS = JSON.stringify(entries);
  delete process.env.ADMIN_USERS_FILE;
}
