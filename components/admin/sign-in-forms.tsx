import {
  ADMIN_SIGN_IN_MESSAGES,
  type AdminSignInFailure,
} from '@/lib/auth/admin-sign-in';

// The two staff sign-in forms: plain form posts to route handlers, so they
// need no JavaScript and the handlers can answer 429 and 503 for real.

function Messages({
  error,
  notice,
}: {
  error: AdminSignInFailure | null;
  notice?: string | null;
}) {
  if (error) {
    return (
      <p className="form-error" role="alert" id="signin-error">
        {ADMIN_SIGN_IN_MESSAGES[error]}
      </p>
    );
  }
  return notice ? (
    <p className="notice" role="status">
      {notice}
    </p>
  ) : null;
}

type PasswordProps = { error: AdminSignInFailure | null; notice: string | null };

export function StaffPasswordForm({ error, notice }: PasswordProps) {
  const described = error ? 'signin-error' : undefined;

  return (
    <form method="post" action="/api/admin/login" className="auth-form">
      <Messages error={error} notice={notice} />
      <div className="field">
        <label htmlFor="username">Username</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          aria-describedby={described}
        />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
      </div>
      <button type="submit" className="button button-primary">
        Continue
      </button>
    </form>
  );
}

type CodeProps = {
  action: '/api/admin/login/totp' | '/api/admin/reauth';
  error: AdminSignInFailure | null;
  next?: string;
  submit: string;
};

export function StaffCodeForm({ action, error, next, submit }: CodeProps) {
  return (
    <form method="post" action={action} className="auth-form">
      <Messages error={error} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <div className="field">
        <label htmlFor="code">Authenticator code</label>
        <input
          id="code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          maxLength={7}
          required
          aria-describedby={error ? 'signin-error code-hint' : 'code-hint'}
        />
        <p id="code-hint" className="muted">
          The six-digit code your authenticator app shows for Kraken Portal.
        </p>
      </div>
      <button type="submit" className="button button-primary">
        {submit}
      </button>
    </form>
  );
}

/** An `?error=` value the forms know, or null. */
export function staffFailure(value: unknown): AdminSignInFailure | null {
  return typeof value === 'string' && value in ADMIN_SIGN_IN_MESSAGES
    ? (value as AdminSignInFailure)
    : null;
}
