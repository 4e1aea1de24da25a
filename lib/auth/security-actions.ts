'use server';

import 'server-only';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { securityEvent } from '@/lib/auth/events';
import { requireCustomer } from '@/lib/auth/guards';
import { REALMS } from '@/lib/auth/realm';
import { endCustomerSession } from '@/lib/auth/session';
import { nowSeconds } from '@/lib/auth/session-record';
import { store } from '@/lib/store';

// A customer ending their own sessions from the security page. A sid is only
// ever acted on after checking it belongs to the signed-in user.

const sidInput = z.object({ sid: z.uuid() }).strict();

export async function revokeOwnSession(form: FormData): Promise<void> {
  const session = await requireCustomer();
  const parsed = sidInput.safeParse({ sid: form.get('sid') ?? undefined });
  if (!parsed.success) redirect('/account/security');

  const target = await store().sessions.get(parsed.data.sid);
  const mine =
    target?.realm === REALMS.customer.name && target.subject === String(session.userId);
  if (mine && target.sid === session.sid) {
    await endCustomerSession(session.sid);
    redirect('/login?signedout=1');
  }
  if (mine) {
    await store().sessions.revoke(target.sid, 'signout-remote', nowSeconds());
    securityEvent('auth.session.revoked', { userId: session.userId, by: 'customer' });
  }
  redirect('/account/security');
}

export async function signOutEverywhere(): Promise<void> {
  const session = await requireCustomer();
  const count = await store().sessions.revokeAll(
    'customer',
    String(session.userId),
    'signout-all',
    nowSeconds(),
  );
  await endCustomerSession(null);
  securityEvent('auth.logout.everywhere', { userId: session.userId, count });
  redirect('/login?signedout=1');
}
