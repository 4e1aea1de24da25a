import 'server-only';
import { env } from '@/lib/env';

// Customer and staff sessions share one mechanism and differ only in these
// settings. Staff sign-in arrives with #3; the realm is defined here already so
// tokens carry their realm from the first day.
export type RealmName = 'customer' | 'admin';

export type Realm = {
  name: RealmName;
  audience: string;
  cookieBase: string;
  sameSite: 'lax' | 'strict';
  accessTtlSeconds: number;
  absoluteTtlSeconds: number;
  secret: () => Uint8Array;
};

export const ISSUER = 'kraken-portal';

const encoder = new TextEncoder();

export const REALMS: Record<RealmName, Realm> = {
  customer: {
    name: 'customer',
    audience: 'kraken-portal:customer',
    cookieBase: 'kp_session',
    sameSite: 'lax',
    accessTtlSeconds: 15 * 60,
    absoluteTtlSeconds: 12 * 60 * 60,
    secret: () => encoder.encode(env().JWT_SECRET),
  },
  admin: {
    name: 'admin',
    audience: 'kraken-portal:admin',
    cookieBase: 'kp_admin',
    sameSite: 'strict',
    accessTtlSeconds: 5 * 60,
    absoluteTtlSeconds: 4 * 60 * 60,
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
