import { describe, expect, it } from 'vitest';
import { retryMoment, retryWords } from '@/lib/auth/retry-words';

// The sign-in page's "try again at" line, from the `until` its address carries.

const NOW = Date.UTC(2026, 11, 4, 23, 30, 0) / 1000;

describe('retryWords', () => {
  it('says how long and until what time, in UTC', () => {
    expect(retryWords(NOW + 14 * 60 + 10, NOW)).toBe(
      'You can try again in about 15 minutes, at 23:44 UTC.',
    );
    expect(retryWords(NOW + 30, NOW)).toBe(
      'You can try again in less than a minute, at 23:30 UTC.',
    );
  });

  it('says now once the moment has passed', () => {
    expect(retryWords(NOW - 5, NOW)).toBe('You can try again now.');
  });
});

describe('retryMoment', () => {
  it.each([
    undefined,
    '',
    'soon',
    '-5',
    '1e9',
    ['1'],
    String(NOW + 2 * 86_400),
    // A link claiming a lockout far longer than any refusal lasts.
    String(NOW + 86_000),
    String(NOW + 17 * 60),
  ])('ignores %j', (value) => {
    expect(retryMoment(value, NOW)).toBeNull();
  });

  it('reads a moment within the sign-in limits’ window', () => {
    expect(retryMoment(String(NOW + 600), NOW)).toBe(NOW + 600);
    expect(retryMoment(String(NOW + 15 * 60), NOW)).toBe(NOW + 15 * 60);
  });
});
