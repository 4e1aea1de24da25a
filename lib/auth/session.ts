import 'server-only';
import { clearSessionCookie, setSessionCookie } from '@/lib/auth/cookies';
import { REALMS } from '@/lib/auth/realm';
import { signCustomerToken } from '@/lib/auth/token';
import { getUserPermissions } from '@/lib/whmcs/users';
import type { Permission, UserAccountLink } from '@/lib/whmcs/types';

export type SessionSubject = {
  userId: number;
  email: string;
  account: UserAccountLink;
  /** When the person last proved who they are (seconds); bounds the session's life. */
  authAt: number;
};

/** Rights on the chosen account: owners hold all; others what WHMCS grants them. */
async function rightsOn(userId: number, account: UserAccountLink): Promise<Permission[]> {
  if (account.isOwner) return [];
  return getUserPermissions(userId, account.clientId);
}

/** Issues a fresh session (new id) for one user on one client account. */
export async function startCustomerSession(subject: SessionSubject): Promise<void> {
  const realm = REALMS.customer;
  const permissions = await rightsOn(subject.userId, subject.account);
  // TODO(#3): write the session record to the store and enforce the concurrent-session cap.
  const { token, expiresAt } = await signCustomerToken(realm, {
    sub: String(subject.userId),
    sid: crypto.randomUUID(),
    cid: subject.account.clientId,
    own: subject.account.isOwner,
    perm: permissions,
    email: subject.email,
    auth: subject.authAt,
  });
  await setSessionCookie(realm, token, expiresAt);
}

export async function endCustomerSession(): Promise<void> {
  // TODO(#3): revoke the session record so a copied cookie stops working at once.
  await clearSessionCookie(REALMS.customer);
}
