'use server';

import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { securityEvent } from '@/lib/auth/events';
import { requireCustomer } from '@/lib/auth/guards';
import { clearPendingSignIn, readPendingSignIn } from '@/lib/auth/picker';
import { HOME } from '@/lib/auth/redirect';
import { endCustomerSession, startCustomerSession } from '@/lib/auth/session';
import { recordLogin } from '@/lib/auth/sign-in';
import { clientContext } from '@/lib/security/client-ip';
import { store } from '@/lib/store';
import { WhmcsError } from '@/lib/whmcs/errors';
import { findUser } from '@/lib/whmcs/users';

// Server actions for the account picker and switching accounts. Next.js
// checks each action's Origin against the host, so a cross-site form cannot
// call them. (Sign-in and sign-out are route handlers: they answer with real
// status codes and work from plain forms.)

const accountChoice = z.object({ clientId: z.coerce.number().int().positive() }).strict();

function choice(form: FormData) {
  return accountChoice.safeParse({ clientId: form.get('clientId') ?? undefined });
}

export async function pickAccount(form: FormData): Promise<void> {
  const pending = await readPendingSignIn();
  if (!pending) redirect('/login?expired=1');
  const parsed = choice(form);
  const account = parsed.success
    ? pending.clients.find((c) => c.clientId === parsed.data.clientId)
    : undefined;
  if (!account) redirect('/select-account');
  // The sealed note is only cleared in the browser; a copy must not pick twice.
  if (!(await store().counters.claim(`picker:${pending.id}`, 10 * 60))) {
    redirect('/login?expired=1');
  }

  const client = clientContext(await headers());
  const { userId, email, authAt } = pending;
  await startCustomerSession({ userId, email, account, authAt }, client);
  await clearPendingSignIn();
  await recordLogin({ client }, String(userId), 'success', 'password');
  securityEvent('auth.login.succeeded', {
    userId,
    clientId: account.clientId,
    ip: client.ip,
  });
  redirect(pending.next);
}

export async function switchAccount(form: FormData): Promise<void> {
  const session = await requireCustomer();
  const parsed = choice(form);
  if (!parsed.success) redirect(HOME);

  const user = await findUser(session.email, session.userId).catch((error: unknown) => {
    if (error instanceof WhmcsError) return null;
    throw error;
  });
  const account = user?.clients.find((c) => c.clientId === parsed.data.clientId);
  if (!account) redirect(HOME);

  const { userId, email, signedInAt: authAt } = session;
  await endCustomerSession(session.sid);
  await startCustomerSession(
    { userId, email, account, authAt },
    clientContext(await headers()),
  );
  securityEvent('auth.account.switched', { userId, clientId: account.clientId });
  redirect(HOME);
}
