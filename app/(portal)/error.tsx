'use client';

// The last resort for a portal page: something failed that no section handled.
// It shows no detail of the error (the server log has it, under the digest).
export default function PortalError({
  error,
  retry,
}: {
  error: unknown;
  retry: () => void;
}) {
  const digest =
    error instanceof Error && 'digest' in error && typeof error.digest === 'string'
      ? error.digest
      : null;

  return (
    <div className="page">
      <div className="status-card status-inline">
        <h1>Something went wrong</h1>
        <p>
          We couldn&rsquo;t show this page just now. This is usually temporary — please
          try again in a moment.
        </p>
        {digest ? <p className="muted">Reference: {digest}</p> : null}
        <div className="actions">
          <button type="button" className="button button-primary" onClick={() => retry()}>
            Try again
          </button>
          <a className="button" href="/dashboard">
            Go to the dashboard
          </a>
        </div>
      </div>
    </div>
  );
}
