import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  parsePasswordHash,
  verifyPassword,
} from '@/lib/auth/password-hash';
import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  newTotpSecret,
  otpauthUri,
  totp,
} from '@/lib/auth/totp';
import { TEST_COST } from '../support/staff';

// Staff credentials: scrypt hashes in their self-describing format, and TOTP
// against the RFC 6238 reference values.

describe('staff password hashes', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('s3cret passphrase', TEST_COST);

    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('s3cret passphrase', hash, TEST_COST)).toBe(true);
    expect(await verifyPassword('s3cret passphrasE', hash, TEST_COST)).toBe(false);
  });

  it('says no for an unknown account after running scrypt all the same', async () => {
    const started = performance.now();

    const ok = await verifyPassword('anything', null, TEST_COST);

    expect(ok).toBe(false);
    expect(performance.now() - started).toBeGreaterThan(20);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([
      hashPassword('same', TEST_COST),
      hashPassword('same', TEST_COST),
    ]);

    expect(a).not.toBe(b);
  });

  it('refuses hashes that are too cheap, malformed or truncated', async () => {
    const good = await hashPassword('x', TEST_COST);
    const [, , , , salt = '', key = ''] = good.split('$');

    expect(parsePasswordHash(good)).not.toBeNull();
    expect(parsePasswordHash(`scrypt$16384$8$1$${salt}$${key}`)).toBeNull();
    expect(parsePasswordHash(`scrypt$32768$1$1$${salt}$${key}`)).toBeNull();
    expect(parsePasswordHash(`scrypt$30000$8$1$${salt}$${key}`)).toBeNull();
    expect(parsePasswordHash(`scrypt$32768$8$1$${salt}$${key.slice(0, 20)}`)).toBeNull();
    expect(parsePasswordHash(`bcrypt$32768$8$1$${salt}$${key}`)).toBeNull();
    expect(await verifyPassword('x', `scrypt$32768$8$1$${salt}$AAAA`, TEST_COST)).toBe(
      false,
    );
  });
});

// RFC 6238 Appendix B, SHA-1, key "12345678901234567890"; 6 digits are the last six.
const RFC_KEY = base32Encode(Buffer.from('12345678901234567890'));
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP', () => {
  it.each(RFC_VECTORS)('gives the RFC 6238 value at T=%i', (seconds, expected) => {
    const key = base32Decode(RFC_KEY);

    expect(hotp(key, Math.floor(seconds / 30), 8)).toBe(expected);
    expect(totp(RFC_KEY, seconds * 1000)).toBe(expected.slice(2));
  });

  it('round-trips base32 and makes 160-bit secrets', () => {
    const secret = newTotpSecret();

    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
    expect(RFC_KEY).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('accepts one step of drift either way and nothing further', () => {
    const at = 1_700_000_000_000;
    const code = (offsetSteps: number) => totp(RFC_KEY, at + offsetSteps * 30_000);

    expect(matchTotp(RFC_KEY, code(0), at)).toBe(Math.floor(at / 30_000));
    expect(matchTotp(RFC_KEY, code(-1), at)).not.toBeNull();
    expect(matchTotp(RFC_KEY, code(1), at)).not.toBeNull();
    expect(matchTotp(RFC_KEY, code(-2), at)).toBeNull();
    expect(matchTotp(RFC_KEY, code(2), at)).toBeNull();
    expect(matchTotp(RFC_KEY, '12345', at)).toBeNull();
    expect(matchTotp(RFC_KEY, `${code(0)} `, at)).toBeNull();
  });

  it('builds an otpauth URI an authenticator app reads', () => {
    const uri = new URL(otpauthUri('Kraken Portal', 'olivia', RFC_KEY));

    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Kraken Portal:olivia');
    expect(uri.searchParams.get('secret')).toBe(RFC_KEY);
    expect(uri.searchParams.get('period')).toBe('30');
  });
});
