'use client';

import { useState } from 'react';
import styles from './whmcs-sign-in.module.css';

// "Sign in with WHMCS": asks next-auth for its CSRF token, starts the sign-in
// and follows the answer to WHMCS's own page. A script rather than a form,
// because the CSP's form-action 'self' would stop a form's redirect to WHMCS;
// a navigation is not bound by it. `next` was validated by the page.

type Props = { next: string; failed: boolean };

async function startSignIn(next: string): Promise<string> {
  const csrf = await fetch('/api/auth/csrf', { cache: 'no-store' });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch('/api/auth/signin/whmcs', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl: next, json: 'true' }),
  });
  const { url } = (await answer.json()) as { url: string };

  return url;
}

export function WhmcsSignIn({ next, failed }: Props) {
  const [state, setState] = useState<'idle' | 'busy' | 'error'>('idle');

  function start() {
    setState('busy');
    startSignIn(next).then(
      (url) => window.location.assign(url),
      () => setState('error'),
    );
  }

  const message =
    state === 'error'
      ? 'Sign in with WHMCS is not available right now. Please try again in a few minutes.'
      : failed
        ? 'Signing in with WHMCS did not complete. Please try again.'
        : null;

  return (
    <div className={styles.alternative}>
      <p className="muted">Two-factor authentication, or prefer your WHMCS login page?</p>
      {message ? (
        <p className="form-error" role="alert">
          {message}
        </p>
      ) : null}
      <button
        type="button"
        className={`button ${styles.button}`}
        onClick={start}
        disabled={state === 'busy'}
      >
        {state === 'busy' ? 'Opening WHMCS…' : 'Sign in with WHMCS'}
      </button>
    </div>
  );
}
