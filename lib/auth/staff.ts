import 'server-only';
import { env } from '@/lib/env';
import type { StaffAccount } from '@/lib/env-admin';
import {
  DEFAULT_COST,
  parsePasswordHash,
  verifyPassword,
  type ScryptCost,
} from '@/lib/auth/password-hash';

// The configured staff accounts (lib/env-admin.ts) and the password check.

export function findStaff(username: string): StaffAccount | null {
  return env().STAFF.find((account) => account.username === username) ?? null;
}

/** What a check for an unknown name costs: the configured hashes' cost. */
function dummyCost(): ScryptCost {
  const first = env().STAFF[0];
  const parsed = first ? parsePasswordHash(first.passwordHash) : null;

  return parsed ? { N: parsed.N, r: parsed.r, p: parsed.p } : DEFAULT_COST;
}

export function normalizeUsername(typed: string): string {
  return typed.trim().toLowerCase();
}

/**
 * The account when the password is right, else null, after the same work
 * either way: an unknown name still runs scrypt, so timing tells nothing.
 */
export async function checkStaffPassword(
  username: string,
  password: string,
): Promise<StaffAccount | null> {
  const account = findStaff(normalizeUsername(username));
  const ok = await verifyPassword(password, account?.passwordHash ?? null, dummyCost());

  return ok && account ? account : null;
}
