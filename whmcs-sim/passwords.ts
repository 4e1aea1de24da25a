import { createHash, timingSafeEqual } from 'node:crypto';

// The simulator never keeps a plaintext end-user password: it stores a salted
// SHA-256 and compares digests in constant time, as a real store would.

export function hashPassword(salt: string, password: string): string {
  return createHash('sha256').update(`${salt}\u0000${password}`).digest('hex');
}

export function verifyPassword(salt: string, password: string, stored: string): boolean {
  return sameSecret(hashPassword(salt, password), stored);
}

/** Constant-time comparison of two secrets of any length. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();

  return timingSafeEqual(a, b);
}

/** A 40-hex value in the place of WHMCS's `passwordhash` (login_auth_tk). */
export function loginToken(userId: number, stored: string, at: Date): string {
  return createHash('sha1').update(`${userId}:${stored}:${at.getTime()}`).digest('hex');
}
