import 'server-only';
import { hkdfSync } from 'node:crypto';
import { cookies } from 'next/headers';
import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';
import { env } from '@/lib/env';
import { cookieSecure } from '@/lib/auth/realm';

// A user with several client accounts has proved their password but has not
// picked an account yet. That half-finished sign-in is not a session: it is a
// sealed, five-minute note that only lets the picker page finish the job.

const TTL_SECONDS = 5 * 60;

const pending = z.object({
  /** Makes the note single-use: the picker counts each id once (lib/auth/actions.ts). */
  id: z.uuid(),
  userId: z.number().int().positive(),
  email: z.email(),
  clients: z.array(
    z.object({ clientId: z.number().int().positive(), isOwner: z.boolean() }),
  ),
  next: z.string(),
  authAt: z.number().int().positive(),
});

export type PendingSignIn = z.infer<typeof pending>;

function cookieNameFor(): string {
  return cookieSecure() ? '__Host-kp_pick' : 'kp_pick';
}

function sealPassword(): string {
  const key = hkdfSync(
    'sha256',
    env().JWT_SECRET,
    'kraken-portal',
    'account-picker seal',
    32,
  );
  return Buffer.from(key).toString('hex');
}

function pickerCookieOptions() {
  return {
    httpOnly: true,
    secure: cookieSecure(),
    sameSite: 'lax',
    path: '/',
    maxAge: TTL_SECONDS,
  } as const;
}

export async function savePendingSignIn(input: Omit<PendingSignIn, 'id'>) {
  const value: PendingSignIn = { ...input, id: crypto.randomUUID() };
  const sealed = await sealData(value, { password: sealPassword(), ttl: TTL_SECONDS });
  const jar = await cookies();
  jar.set(cookieNameFor(), sealed, pickerCookieOptions());
}

export async function readPendingSignIn(): Promise<PendingSignIn | null> {
  const jar = await cookies();
  const sealed = jar.get(cookieNameFor())?.value;
  if (!sealed) return null;

  try {
    const data = await unsealData(sealed, { password: sealPassword(), ttl: TTL_SECONDS });
    const parsed = pending.safeParse(data);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function clearPendingSignIn() {
  const jar = await cookies();
  // delete() would drop Secure, and browsers ignore a __Host- deletion without it.
  jar.set(cookieNameFor(), '', { ...pickerCookieOptions(), maxAge: 0 });
}
