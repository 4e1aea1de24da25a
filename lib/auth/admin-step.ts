import 'server-only';
import { createHash, hkdfSync } from 'node:crypto';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';
import { env } from '@/lib/env';
import { USERNAME } from '@/lib/env-admin';
import { cookieSecure } from '@/lib/auth/realm';
import { store } from '@/lib/store';

// Between the password and the TOTP code a staff sign-in is not a session: it
// is an iron-session seal of a few minutes holding only the username and the
// time, in a Strict, HttpOnly cookie. It opens the TOTP step and nothing else
// (proxy.ts and the guards only take an admin token), and it is single-use:
// the first session made from it claims it in the store.

const TTL_SECONDS = 5 * 60;

const step = z
  .object({ username: z.string().regex(USERNAME), at: z.number().int() })
  .strict();

export type AdminStep = z.infer<typeof step> & { sealed: string };

function cookieName(): string {
  return cookieSecure() ? '__Host-kp_admin_step' : 'kp_admin_step';
}

function sealPassword(): string {
  const info = 'admin sign-in step seal';
  const key = hkdfSync('sha256', env().ADMIN_JWT_SECRET, 'kraken-portal', info, 32);
  return Buffer.from(key).toString('hex');
}

function cookieOptions(maxAge: number) {
  return {
    httpOnly: true,
    secure: cookieSecure(),
    sameSite: 'strict',
    path: '/',
    maxAge,
  } as const;
}

export async function saveAdminStep(username: string, now: number): Promise<void> {
  const sealed = await sealData(
    { username, at: now },
    { password: sealPassword(), ttl: TTL_SECONDS },
  );
  (await cookies()).set(cookieName(), sealed, cookieOptions(TTL_SECONDS));
}

/** The half-finished sign-in of this browser, or null when absent, forged or expired. */
export async function readAdminStep(now: number): Promise<AdminStep | null> {
  const sealed = (await cookies()).get(cookieName())?.value;
  if (!sealed || sealed.length > 2048) return null;

  try {
    const data = await unsealData(sealed, { password: sealPassword(), ttl: TTL_SECONDS });
    const parsed = step.safeParse(data);
    if (
      !parsed.success ||
      now - parsed.data.at > TTL_SECONDS ||
      parsed.data.at > now + 60
    )
      return null;

    return { ...parsed.data, sealed };
  } catch {
    return null;
  }
}

/** The guard of the TOTP step: without a live seal, back to the password form. */
export async function requireAdminStep(): Promise<AdminStep> {
  const pending = await readAdminStep(Math.floor(Date.now() / 1000));
  if (!pending) redirect('/admin/login?error=expired');

  return pending;
}

/** True for the first use of this seal; every later use (a copy, a replay) is refused. */
export async function claimAdminStep(pending: AdminStep): Promise<boolean> {
  const id = createHash('sha256').update(pending.sealed).digest('hex');
  return store().counters.claim(`admin-step:${id}`, TTL_SECONDS + 60);
}

/** Expires the cookie with its own flags: a browser ignores a `__Host-` deletion without Secure. */
export async function clearAdminStep(): Promise<void> {
  (await cookies()).set(cookieName(), '', { ...cookieOptions(0), expires: new Date(0) });
}
