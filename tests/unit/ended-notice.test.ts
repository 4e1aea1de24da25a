import { describe, expect, it } from 'vitest';
import { endedNotice } from '@/lib/auth/session-record';

describe('why the sign-in page says a session ended', () => {
  it.each([
    ['evicted', 'evicted'],
    ['signout-remote', 'revoked'],
    ['signout-all', 'revoked'],
    ['admin', 'revoked'],
    ['reuse', 'revoked'],
    ['idle', 'timeout'],
    ['expired', 'timeout'],
  ])('explains %s as %s', (reason, notice) => {
    expect(endedNotice(reason)).toBe(notice);
  });

  it.each(['signout', 'invalid', 'missing', 'mismatch', null])(
    'says nothing for %s (own sign-out, or no session worth naming)',
    (reason) => {
      expect(endedNotice(reason)).toBeNull();
    },
  );
});
