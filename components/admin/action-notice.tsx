// What happened to the last staff action, from the `?done=` or `?error=` that
// lib/auth/staff-action.ts sends the browser back with.

const DONE: Record<string, string> = {
  'session.revoke': 'The session has ended.',
  'session.revoke-all': 'All of their sessions have ended.',
};

const ERRORS: Record<string, string> = {
  input: 'That request was not valid; nothing was changed.',
  gone: 'That session had already ended.',
  audit:
    'The audit trail cannot be written right now, so nothing was changed. Please try again in a few minutes.',
  store: 'The session store is unavailable right now; nothing was changed.',
};

type Params = Record<string, string | string[] | undefined>;

export function ActionNotice({ params }: { params: Params }) {
  const error = typeof params.error === 'string' ? ERRORS[params.error] : undefined;
  if (error) {
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  }
  const done = typeof params.done === 'string' ? DONE[params.done] : undefined;

  return done ? (
    <p className="notice" role="status">
      {done}
    </p>
  ) : null;
}
