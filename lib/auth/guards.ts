import 'server-only';
import { cache } from 'react';
import { forbidden, redirect } from 'next/navigation';
import { readSessionCookie } from '@/lib/auth/cookies';
import { REALMS } from '@/lib/auth/realm';
import { verifyCustomerToken } from '@/lib/auth/token';
import type { Permission } from '@/lib/whmcs/types';

// The data access layer's gate. proxy.ts already turned away requests without a
// valid token, but every page, route handler and server action calls a guard
// itself: the proxy is never the only check.

export type CustomerSession = {
  sid: string;
  userId: number;
  email: string;
  clientId: number;
  isOwner: boolean;
  /** WHMCS rights of a non-owner user on this client; owners hold every right. */
  permissions: readonly Permission[];
  signedInAt: number;
};

export const currentCustomer = cache(async (): Promise<CustomerSession | null> => {
  const claims = await verifyCustomerToken(
    REALMS.customer,
    await readSessionCookie(REALMS.customer),
  );
  if (!claims) return null;

  // TODO(#3): check the session record (revoked, idle, absolute lifetime) in the store.
  return {
    sid: claims.sid,
    userId: Number(claims.sub),
    email: claims.email,
    clientId: claims.cid,
    isOwner: claims.own,
    permissions: claims.perm,
    signedInAt: claims.auth,
  };
});

export function can(session: CustomerSession, permission: Permission): boolean {
  return session.isOwner || session.permissions.includes(permission);
}

/** Returns the signed-in customer or ends the request with a sign-in redirect or a 403. */
export async function requireCustomer(permission?: Permission): Promise<CustomerSession> {
  const session = await currentCustomer();
  if (!session) redirect('/login');
  if (permission && !can(session, permission)) forbidden();

  return session;
}
