import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { currentCustomer } from '@/lib/auth/guards';
import { safeNext } from '@/lib/auth/redirect';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function noticeFor(params: Record<string, unknown>): string | null {
  if (params.signedout) return 'You have signed out.';
  if (params.expired) return 'Your sign-in took too long. Please sign in again.';
  return null;
}

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNext(params.next);
  if (await currentCustomer()) redirect(next);

  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="brand auth-brand">Kraken Portal</p>
        <h1>Sign in to your account</h1>
        <p className="muted">
          Use the email address and password of your client account.
        </p>
        <LoginForm next={next} notice={noticeFor(params)} />
      </div>
    </main>
  );
}
