import type { Metadata } from 'next';
import Link from 'next/link';
import { RESET_MESSAGES } from '@/lib/auth/password-reset';

export const metadata: Metadata = { title: 'Reset your password' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// A plain form posting to /api/auth/reset-password, like the sign-in form: it
// needs no JavaScript and answers with real status codes. What it says after
// sending never depends on whether the address has a login.
export default async function ResetPasswordPage({ searchParams }: Props) {
  const params = await searchParams;
  const sent = params.sent === '1';
  const error =
    params.error === 'input' || params.error === 'unavailable' ? params.error : null;

  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="brand auth-brand">Kraken Portal</p>
        <h1>Reset your password</h1>
        <p className="muted">
          Enter the email address you sign in with. If it belongs to a login, our billing
          system emails it a link to choose a new password.
        </p>
        <form method="post" action="/api/auth/reset-password" className="auth-form">
          {sent && !error ? (
            <p className="notice" role="status">
              {RESET_MESSAGES.sent}
            </p>
          ) : null}
          {error ? (
            <p className="form-error" role="alert" id="reset-error">
              {RESET_MESSAGES[error]}
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="reset-email">Email address</label>
            <input
              id="reset-email"
              name="email"
              type="email"
              autoComplete="username"
              required
              maxLength={254}
              aria-describedby={error ? 'reset-error' : undefined}
            />
          </div>
          <button type="submit" className="button button-primary">
            Email me a reset link
          </button>
        </form>
        <p className="auth-footer">
          <Link href="/login">Back to sign-in</Link>
        </p>
      </div>
    </main>
  );
}
