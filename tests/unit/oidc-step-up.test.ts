import { describe, expect, it } from 'vitest';
import { creditedSignInTime, signedInAfter } from '@/lib/auth/oidc/step-up';

// The ID token's auth_time as proof of a step-up: typed at WHMCS after the
// step-up was asked for (10 s of clock difference allowed) and within the
// window (STEP_UP_MAX_AGE_SECONDS, ten minutes here).

const REQUESTED = 1_900_000_000;
const NOW = REQUESTED + 60;

describe('auth_time for a step-up', () => {
  it('is accepted after the request, up to now', () => {
    expect(signedInAfter(REQUESTED + 30, REQUESTED, NOW)).toBe(true);
    expect(signedInAfter(NOW, REQUESTED, NOW)).toBe(true);
    expect(signedInAfter(REQUESTED - 10, REQUESTED, NOW)).toBe(true);
  });

  it('is refused when missing', () => {
    expect(signedInAfter(undefined, REQUESTED, NOW)).toBe(false);
  });

  it('is refused from before the request, even within the window (a remembered sign-in)', () => {
    expect(signedInAfter(REQUESTED - 11, REQUESTED, NOW)).toBe(false);
    expect(signedInAfter(REQUESTED - 120, REQUESTED, NOW)).toBe(false);
  });

  it('is refused when older than the window, or from the future', () => {
    const late = REQUESTED + 700;
    expect(signedInAfter(REQUESTED + 5, REQUESTED, late)).toBe(false);
    expect(signedInAfter(NOW + 11, REQUESTED, NOW)).toBe(false);
  });
});

describe('the sign-in time a normal WHMCS sign-in is credited with', () => {
  const pastWindow = NOW - 600 - 1;

  it('is auth_time when it is recent', () => {
    expect(creditedSignInTime(NOW - 30, NOW)).toBe(NOW - 30);
    expect(creditedSignInTime(NOW + 5, NOW)).toBe(NOW);
  });

  it('is just past the step-up window when auth_time is old, missing or from the future', () => {
    expect(creditedSignInTime(NOW - 7200, NOW)).toBe(pastWindow);
    expect(creditedSignInTime(undefined, NOW)).toBe(pastWindow);
    expect(creditedSignInTime(NOW + 3600, NOW)).toBe(pastWindow);
  });
});
