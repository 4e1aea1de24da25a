import 'server-only';
import { clearSessionCookie, setSessionCookie } from '@/lib/auth/cookies';
import { REALMS } from '@/lib/auth/realm';
import { newSessionRecord, nowSeconds } from '@/lib/auth/session-record';
import { signCustomerToken } from '@/lib/auth/token';
import { logInRequest } from '@/lib/request';
import { store } from '@/lib/store';
import { getUserPermissions } from '@/lib/whmcs/users';
import type { Permission, UserAccountLink } from '@/lib/whmcs/types';

export type SessionSubject = {
  userId: number;
  email: string;
  account: UserAccountLink;
  /** When the person last proved who they are (seconds); bounds the session's life. */
  authAt: number;
};

export type ClientContext = { ip: string; userAgent: string };

/** Rights on the chosen account: owners hold all; others what WHMCS grants them. */
async function rightsOn(userId: number, account: UserAccountLink): Promise<Permission[]> {
  if (account.isOwner) return [];
  return getUserPermissions(userId, account.clientId);
}

/**
 * Issues a brand-new session (new sid, new record) for one user on one client
 * account and sets its cookie, replacing whatever cookie the browser had.
 * Past the realm's cap, the person's oldest sessions end ('evicted').
 */
export async function startCustomerSession(
  subject: SessionSubject,
  client: ClientContext,
): Promise<void> {
  const realm = REALMS.customer;
  const permissions = await rightsOn(subject.userId, subject.account);
  const record = newSessionRecord(realm, {
    subject: String(subject.userId),
    clientId: subject.account.clientId,
    authAt: subject.authAt,
    ...client,
  });
  const evicted = await store().sessions.create(record, realm.sessionCap);
  if (evicted.length > 0) {
    await logInRequest('info', {
      event: 'auth.session.evicted',
      userId: subject.userId,
      count: evicted.length,
    });
  }

  const { token, expiresAt } = await signCustomerToken(realm, {
    sub: record.subject,
    sid: record.sid,
    jti: record.jti,
    cid: subject.account.clientId,
    own: subject.account.isOwner,
    perm: permissions,
    email: subject.email,
    auth: subject.authAt,
  });
  await setSessionCookie(realm, token, expiresAt);
}

/** Ends this browser's session: the record is revoked, so a copied cookie dies too. */
export async function endCustomerSession(sid: string | null): Promise<void> {
  if (sid) await store().sessions.revoke(sid, 'signout', nowSeconds());
  await clearSessionCookie(REALMS.customer);
}
