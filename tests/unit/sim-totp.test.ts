import { describe, expect, it } from 'vitest';
import { base32Decode, hotp, matchTotp, totp } from '@/whmcs-sim/oidc/totp';

// RFC 6238 appendix B (SHA-1 rows) and RFC 4648 §10: the simulator's second
// factor must agree with every authenticator app.

const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // "12345678901234567890"

describe('TOTP', () => {
  it('decodes base32 as RFC 4648 does', () => {
    expect(base32Decode('MZXW6YTBOI======').toString()).toBe('foobar');
    expect(base32Decode(RFC_SECRET).toString()).toBe('12345678901234567890');
  });

  it('matches the RFC 6238 SHA-1 test vectors', () => {
    const key = base32Decode(RFC_SECRET);
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];

    for (const [seconds, code] of vectors)
      expect(hotp(key, Math.floor(seconds / 30), 8)).toBe(code);
  });

  it('gives six digits and accepts one step of drift either way, no more', () => {
    const at = 1234567890_000;

    expect(totp(RFC_SECRET, at)).toBe('005924');
    expect(matchTotp(RFC_SECRET, totp(RFC_SECRET, at - 30_000), at)).not.toBeNull();
    expect(matchTotp(RFC_SECRET, totp(RFC_SECRET, at + 30_000), at)).not.toBeNull();
    expect(matchTotp(RFC_SECRET, totp(RFC_SECRET, at - 90_000), at)).toBeNull();
    expect(matchTotp(RFC_SECRET, '12345', at)).toBeNull();
  });
});
