import 'server-only';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Staff passwords (docs/security.md#staff-sign-in-and-actions): scrypt, stored
// self-describing as `scrypt$N$r$p$salt$hash` (salt and hash base64url), so the
// cost can be raised for new hashes while old ones keep verifying.

export type ScryptCost = { N: number; r: number; p: number };

/** 64 MiB and a few hundred ms per check; `npm run admin:hash -- --log-n=17` for more. */
export const DEFAULT_COST: ScryptCost = { N: 2 ** 16, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const MIN_LOG_N = 15;
const MAX_LOG_N = 20;
const FORMAT =
  /^scrypt\$(\d{1,8})\$(\d{1,2})\$(\d{1,2})\$([\w-]{22,88})\$([\w-]{43,88})$/;

export type PasswordHash = ScryptCost & { salt: Buffer; key: Buffer };

/** The parts of a stored hash, or null when it is not one this portal accepts. */
export function parsePasswordHash(encoded: string): PasswordHash | null {
  const match = FORMAT.exec(encoded);
  if (!match) return null;
  const [, n = '', r = '', p = '', salt = '', key = ''] = match;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const logN = Math.log2(cost.N);
  const strongEnough = Number.isInteger(logN) && logN >= MIN_LOG_N && logN <= MAX_LOG_N;
  if (!strongEnough || cost.r < 8 || cost.r > 32 || cost.p < 1 || cost.p > 16)
    return null;

  const parsed = {
    ...cost,
    salt: Buffer.from(salt, 'base64url'),
    key: Buffer.from(key, 'base64url'),
  };
  return parsed.salt.length >= SALT_BYTES && parsed.key.length >= KEY_BYTES
    ? parsed
    : null;
}

function derive(password: string, salt: Buffer, cost: ScryptCost, bytes: number) {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, bytes, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, cost = DEFAULT_COST) {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost, KEY_BYTES);
  const parts = [cost.N, cost.r, cost.p, salt.toString('base64url')];

  return `scrypt$${parts.join('$')}$${key.toString('base64url')}`;
}

/** A hash nobody's password matches (random salt and key), at the given cost. */
function dummyHash(cost: ScryptCost): PasswordHash {
  return { ...cost, salt: randomBytes(SALT_BYTES), key: randomBytes(KEY_BYTES) };
}

/**
 * Checks a password against a stored hash in constant time. With `stored`
 * null (no such staff account) it still runs scrypt at `dummyCost` and says
 * no, so the answer takes as long whether the username exists or not.
 */
export async function verifyPassword(
  password: string,
  stored: string | null,
  dummyCost: ScryptCost = DEFAULT_COST,
): Promise<boolean> {
  const parsed = stored ? parsePasswordHash(stored) : null;
  const target = parsed ?? dummyHash(dummyCost);
  const key = await derive(password, target.salt, target, target.key.length);

  return timingSafeEqual(key, target.key) && parsed !== null;
}
