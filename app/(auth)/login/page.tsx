import type { Metadata } from 'next';
import Link from 'next/link';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { WhmcsSignIn } from '@/components/auth/whmcs-sign-in';
import { whmcsSignInFailed } from '@/lib/auth/oidc/complete';
import { oidcSettings } from '@/lib/whmcs/oidc';
import { LOGIN_HINT_COOKIE } from '@/lib/auth/cookies';
import { SIGN_IN_MESSAGES, type SignInFailure } from '@/lib/auth/sign-in';
import { currentCustomer } from '@/lib/auth/guards';
import { safeNext } from '@/lib/auth/redirect';
import { retryMoment, retryWords } from '@/lib/auth/retry-words';
import { nowSeconds } from '@/lib/auth/session-record';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function noticeFor(params: Record<string, unknown>): string | null {
  if (params.signedout) return 'You have signed out.';
  if (params.expired) return 'Your sign-in took too long. Please sign in again.';
  if (params.ended === 'evicted') {
    return 'You were signed out here because your login started a session on more devices than allowed. Sign in again to continue.';
  }
  if (params.ended === 'revoked') {
    return 'Your session was ended from another device or by our staff. Sign in again to continue.';
  }
  if (params.ended === 'timeout') return 'Your session timed out. Please sign in again.';
  return null;
}

function failureFor(value: unknown): SignInFailure | null {
  return typeof value === 'string' && value in SIGN_IN_MESSAGES
    ? (value as SignInFailure)
    : null;
}

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNext(params.next);
  if (await currentCustomer()) redirect(next);
  const error = failureFor(params.error);
  // After too many attempts: when the person may try again (the route put it here).
  const now = nowSeconds();
  const until = error === 'limited' ? retryMoment(params.until, now) : null;

  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="brand auth-brand">Kraken Portal</p>
        <h1>Sign in to your account</h1>
        <p className="muted">
          Use the email address and password of your client account.
        </p>
        <LoginForm
          next={next}
          email={(await cookies()).get(LOGIN_HINT_COOKIE)?.value ?? ''}
          error={error}
          retry={until === null ? null : retryWords(until, now)}
          notice={noticeFor(params)}
        />
        <p className="auth-footer">
          <Link href="/login/reset">Forgot your password?</Link>
        </p>
        {oidcSettings() ? (
          <WhmcsSignIn next={next} failed={whmcsSignInFailed(params.error)} />
        ) : null}
      </div>
    </main>
  );
}
