import 'server-only';
import { env } from '@/lib/env';

// Customer and staff sessions share one mechanism and differ only in these
// settings.
export type RealmName = 'customer' | 'admin';

export type Realm<N extends RealmName = RealmName> = {
  name: N;
  audience: string;
  cookieBase: string;
  sameSite: 'lax' | 'strict';
  accessTtlSeconds: number;
  /** A session unused this long ends, even if its absolute lifetime remains. */
  idleTtlSeconds: number;
  absoluteTtlSeconds: number;
  /** Concurrent sessions per person; signing in once more ends the oldest. */
  sessionCap: number;
  secret: () => Uint8Array;
};

export const ISSUER = 'kraken-portal';

/** How long the jti a session just rotated away from stays acceptable. */
export const ROTATION_GRACE_SECONDS = 30;

const encoder = new TextEncoder();

export const REALMS: { [N in RealmName]: Realm<N> } = {
  customer: {
    name: 'customer',
    audience: 'kraken-portal:customer',
    cookieBase: 'kp_session',
    sameSite: 'lax',
    accessTtlSeconds: 15 * 60,
    idleTtlSeconds: 30 * 60,
    absoluteTtlSeconds: 12 * 60 * 60,
    sessionCap: 5,
    secret: () => encoder.encode(env().JWT_SECRET),
  },
  admin: {
    name: 'admin',
    audience: 'kraken-portal:admin',
    cookieBase: 'kp_admin',
    sameSite: 'strict',
    accessTtlSeconds: 5 * 60,
    idleTtlSeconds: 15 * 60,
    absoluteTtlSeconds: 4 * 60 * 60,
    sessionCap: 2,
    secret: () => encoder.encode(env().ADMIN_JWT_SECRET),
  },
};

/** Secure cookies carry the `__Host-` prefix, which browsers only accept with Secure. */
export function cookieSecure(): boolean {
  const setting = env().COOKIE_SECURE;
  if (setting === 'auto') return env().NODE_ENV === 'production';
  return setting === 'true';
}

export function cookieName(realm: Realm): string {
  return cookieSecure() ? `__Host-${realm.cookieBase}` : realm.cookieBase;
}
