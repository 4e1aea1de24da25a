import { SIGN_IN_MESSAGES, type SignInFailure } from '@/lib/auth/sign-in';

// A plain form posting to the password route handler: it needs no JavaScript,
// and the handler can answer with real status codes (429, 503).

type Props = {
  next: string;
  email: string;
  error: SignInFailure | null;
  /** After too many attempts: when to try again, in words. */
  retry?: string | null;
  notice: string | null;
};

export function LoginForm({ next, email, error, retry, notice }: Props) {
  const message =
    error === 'limited' && retry
      ? `Too many sign-in attempts. ${retry}`
      : error
        ? SIGN_IN_MESSAGES[error]
        : null;

  return (
    <form method="post" action="/api/auth/password" className="auth-form">
      {notice && !message ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {message ? (
        <p className="form-error" role="alert" id="signin-error">
          {message}
        </p>
      ) : null}
      <input type="hidden" name="next" value={next} />
      <div className="field">
        <label htmlFor="email">Email address</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={email}
          aria-describedby={message ? 'signin-error' : undefined}
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
        Sign in
      </button>
    </form>
  );
}
