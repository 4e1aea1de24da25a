'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { log } from '@/lib/log';
import { currentCustomer, requireCustomer } from '@/lib/auth/guards';
import { clearPendingSignIn, readPendingSignIn } from '@/lib/auth/picker';
import { HOME } from '@/lib/auth/redirect';
import { endCustomerSession, startCustomerSession } from '@/lib/auth/session';
import { signInInput, signInWithPassword } from '@/lib/auth/sign-in';
import { WhmcsError } from '@/lib/whmcs/errors';
import { findUser } from '@/lib/whmcs/users';

// Server actions for signing in and out. Next.js checks each action's Origin
// against the host, so a cross-site form cannot call them.

export type SignInState = { message: string | null; email: string };

const accountChoice = z.object({ clientId: z.coerce.number().int().positive() }).strict();

function fields(form: FormData, names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((n) => [n, form.get(n) ?? undefined]));
}

export async function signIn(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get('email') ?? '').slice(0, 254);
  const parsed = signInInput.safeParse(fields(form, ['email', 'password', 'next']));
  if (!parsed.success)
    return { message: 'Enter your email address and password.', email };

  const result = await signInWithPassword(parsed.data);
  if (result.kind === 'failed') return { message: result.message, email };
  if (result.kind === 'pick-account') redirect('/select-account');

  redirect(result.next);
}

export async function pickAccount(form: FormData): Promise<void> {
  const pending = await readPendingSignIn();
  const parsed = accountChoice.safeParse(fields(form, ['clientId']));
  if (!pending) redirect('/login?expired=1');
  const account = parsed.success
    ? pending.clients.find((c) => c.clientId === parsed.data.clientId)
    : undefined;
  if (!account) redirect('/select-account');

  await startCustomerSession({
    userId: pending.userId,
    email: pending.email,
    account,
    authAt: pending.authAt,
  });
  await clearPendingSignIn();
  log().info({
    event: 'auth.login.succeeded',
    userId: pending.userId,
    clientId: account.clientId,
  });
  redirect(pending.next);
}

export async function switchAccount(form: FormData): Promise<void> {
  const session = await requireCustomer();
  const parsed = accountChoice.safeParse(fields(form, ['clientId']));
  if (!parsed.success) redirect(HOME);

  const user = await findUser(session.email, session.userId).catch((error: unknown) => {
    if (error instanceof WhmcsError) return null;
    throw error;
  });
  const account = user?.clients.find((c) => c.clientId === parsed.data.clientId);
  if (!account) redirect(HOME);

  await startCustomerSession({
    userId: session.userId,
    email: session.email,
    account,
    authAt: session.signedInAt,
  });
  log().info({
    event: 'auth.account.switched',
    userId: session.userId,
    clientId: account.clientId,
  });
  redirect(HOME);
}

export async function signOut(): Promise<void> {
  const session = await currentCustomer();
  await endCustomerSession();
  if (session) log().info({ event: 'auth.logout', userId: session.userId });
  redirect('/login?signedout=1');
}
