import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found' };

// Addresses that match no route at all. It renders outside the portal layout,
// so it brings its own <main>.
export default function NotFound() {
  return (
    <main id="main" className="status-page">
      <div className="status-card">
        <p className="brand auth-brand">Kraken Portal</p>
        <p className="status-code">404</p>
        <h1>This page doesn&rsquo;t exist</h1>
        <p>
          The address may be mistyped, or the page may have moved. Your services, domains,
          invoices and tickets are all reachable from the dashboard.
        </p>
        <div className="actions">
          <Link className="button button-primary" href="/dashboard">
            Go to the dashboard
          </Link>
          <Link className="button" href="/login">
            Sign in
          </Link>
        </div>
      </div>
    </main>
  );
}
