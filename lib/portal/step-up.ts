import 'server-only';
import { redirect } from 'next/navigation';
import type { CustomerSession } from '@/lib/auth/guards';
import { safeNext } from '@/lib/auth/redirect';
import { env } from '@/lib/env';
import { nowSeconds } from '@/lib/auth/session-record';
import { store } from '@/lib/store';

// Step-up for customers. Single-use sign-in links into WHMCS, nameserver
// changes, transfer codes and cancellations need the person to have proved who
// they are recently (ten minutes, or less when configured): by signing in, or by confirming their
// password (or signing in with WHMCS again) on /account/confirm. A confirmation
// is a note in the store under the session id, so it ends with the session and
// holds on every instance.

/** The window, from STEP_UP_MAX_AGE_SECONDS: ten minutes unless set lower. */
export const stepUpSeconds = () => env().STEP_UP_MAX_AGE_SECONDS;

const noteName = (sid: string) => `step-up:${sid}`;

/** When this session last proved who is using it: its sign-in or its newest confirmation. */
export async function provedAt(session: CustomerSession): Promise<number> {
  const note = await store().counters.recall(noteName(session.sid));
  const confirmed = note === null ? 0 : Number(note);

  return Math.max(session.signedInAt, Number.isSafeInteger(confirmed) ? confirmed : 0);
}

/** How long after a confirmation the page it returns to may say so. */
const JUST_CONFIRMED_SECONDS = 120;

/**
 * Whether this session confirmed who is using it moments ago: what the "press
 * the button again" notice needs besides its marker in the address, which
 * anyone can put into a link.
 */
export async function justConfirmed(session: CustomerSession): Promise<boolean> {
  const note = await store()
    .counters.recall(noteName(session.sid))
    .catch(() => null);
  const at = Number(note);
  if (note === null || !Number.isSafeInteger(at)) return false;

  return nowSeconds() - at <= JUST_CONFIRMED_SECONDS;
}

export async function isRecentlyProved(session: CustomerSession): Promise<boolean> {
  return nowSeconds() - (await provedAt(session)) <= stepUpSeconds();
}

/** The confirmation page, coming back to `back` (a same-origin path) afterwards. */
export function confirmPath(back: string): string {
  return `/account/confirm?${new URLSearchParams({ next: safeNext(back) })}`;
}

/** Ends the request with a trip to the confirmation page unless the session is fresh. */
export async function requireStepUp(
  session: CustomerSession,
  back: string,
): Promise<void> {
  if (await isRecentlyProved(session)) return;

  redirect(confirmPath(back));
}

export async function markProved(sid: string): Promise<void> {
  await store().counters.remember(noteName(sid), String(nowSeconds()), stepUpSeconds());
}
