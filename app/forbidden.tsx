import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'No access' };

// forbidden() — a user on a shared account without the WHMCS permission for a
// section. Only the portal's guards call forbidden(), so this renders inside the
// portal layout's <main> and must not open another one.
export default function Forbidden() {
  return (
    <div className="status-page">
      <div className="status-card">
        <p className="brand auth-brand">Kraken Portal</p>
        <p className="status-code">403</p>
        <h1>You don&rsquo;t have access to this section</h1>
        <p>
          This account has been shared with you, and its owner hasn&rsquo;t given your
          login access to this part of it. Ask the account owner to change your
          permissions, or switch to another account.
        </p>
        <div className="actions">
          <Link className="button button-primary" href="/dashboard">
            Go to the dashboard
          </Link>
        </div>
      </div>
    </div>
  );
}
