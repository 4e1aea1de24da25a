'use client';

import { useActionState } from 'react';
import { confirmPassword, type ConfirmState } from '@/lib/portal/confirm';

// The password box of the step-up page. On success the action moves on to
// `next`; a failure says why and leaves the field empty (it is a password).
export function ConfirmForm({ next, email }: { next: string; email: string }) {
  const [state, action, pending] = useActionState<ConfirmState, FormData>(
    confirmPassword,
    { error: null },
  );

  return (
    <form action={action} className="action-form">
      {state.error ? (
        <p className="form-error" role="alert" id="confirm-error">
          {state.error}
        </p>
      ) : null}
      <input type="hidden" name="next" value={next} />
      {/* For password managers: which login this password belongs to. */}
      <input
        type="hidden"
        name="username"
        autoComplete="username"
        value={email}
        readOnly
      />
      <div className="field">
        <label htmlFor="confirm-password">Password</label>
        <input
          id="confirm-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          // The one thing this page asks for.
          autoFocus
          aria-describedby={state.error ? 'confirm-error' : undefined}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? 'Checking…' : 'Confirm'}
      </button>
    </form>
  );
}
