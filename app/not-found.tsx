import type { Metadata } from 'next';
import Link from 'next/link';
import { currentCustomer } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'Page not found' };

// Addresses that match no route at all. It renders outside the portal layout,
// so it brings its own <main> and brand. Someone signed in is offered their
// dashboard; anyone else the sign-in page.
export default async function NotFound() {
  const signedIn = (await currentCustomer()) !== null;

  return (
    <main id="main" className="status-page">
      <div className="status-card">
        <p className="brand auth-brand">Kraken Portal</p>
        <p className="status-code">404</p>
        <h1>This page doesn&rsquo;t exist</h1>
        <p>
          The address may be mistyped, or the page may have moved.{' '}
          {signedIn
            ? 'Your services, domains, invoices and tickets are all reachable from the dashboard.'
            : 'Sign in to reach your services, domains, invoices and tickets.'}
        </p>
        <div className="actions">
          {signedIn ? (
            <Link className="button button-primary" href="/dashboard">
              Go to the dashboard
            </Link>
          ) : (
            <Link className="button button-primary" href="/login">
              Sign in
            </Link>
          )}
        </div>
      </div>
    </main>
  );
}
