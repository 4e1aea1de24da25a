import 'server-only';
import { SIGN_IN_WINDOW_SECONDS } from '@/lib/auth/limits';

// When a refused sign-in may be tried again, in words. The moment travels in
// the sign-in page's address (`until`, epoch seconds) rather than a count of
// seconds, so a reload later still tells the truth. Anyone can edit the
// address, so the value is only ever shown, never trusted for anything.

/**
 * The longest wait worth showing from an address: no sign-in refusal lasts
 * longer than the limits' window, so a link claiming more is not repeated.
 */
const MAX_WAIT_SECONDS = SIGN_IN_WINDOW_SECONDS + 60;

/** The `until` parameter read back: a moment no further off than a refusal can last, or null. */
export function retryMoment(value: unknown, now: number): number | null {
  if (typeof value !== 'string' || !/^\d{1,12}$/.test(value)) return null;
  const until = Number(value);

  return until > now - MAX_WAIT_SECONDS && until <= now + MAX_WAIT_SECONDS ? until : null;
}

const clock = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** "You can try again in about 12 minutes, at 23:45 UTC." */
export function retryWords(until: number, now: number): string {
  const wait = until - now;
  if (wait <= 0) return 'You can try again now.';
  const minutes = Math.ceil(wait / 60);
  const at = clock.format(new Date(until * 1000));

  return minutes <= 1
    ? `You can try again in less than a minute, at ${at} UTC.`
    : `You can try again in about ${minutes} minutes, at ${at} UTC.`;
}
