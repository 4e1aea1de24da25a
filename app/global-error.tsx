'use client';

import './globals.css';

// The last resort, when even the root layout fails: a plain page that says
// what happened in words a customer can use, never the error itself.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body>
        <main id="main" className="status-page">
          <div className="status-card">
            <p className="brand auth-brand">Kraken Portal</p>
            <h1>Something went wrong</h1>
            <p>
              The portal could not show this page. Please try again in a few minutes.
              {error.digest ? ` Reference: ${error.digest}.` : null}
            </p>
            <div className="actions">
              <a className="button button-primary" href="/dashboard">
                Go to the dashboard
              </a>
            </div>
          </div>
        </main>
      </body>
    </html>
  );
}
