import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'No access' };

// forbidden() in the staff area: the role lacks the permission the page or
// action needs. Renders inside the staff layout's <main>.
export default function StaffForbidden() {
  return (
    <div className="status-page">
      <div className="status-card">
        <p className="status-code">403</p>
        <h1>Your role doesn&rsquo;t include this</h1>
        <p>
          Your staff role does not have the permission this page or action needs. Ask an
          owner of the portal if you should have it.
        </p>
        <div className="actions">
          <Link className="button button-primary" href="/admin">
            Go to the staff dashboard
          </Link>
        </div>
      </div>
    </div>
  );
}
