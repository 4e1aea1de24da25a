import Link from 'next/link';

// Shown inside the portal layout for a record that does not exist or is not this
// account's (the two look the same on purpose) and for unknown ids.
export default function PortalNotFound() {
  return (
    <div className="page">
      <div className="status-card status-inline">
        <p className="status-code">404</p>
        <h1>We couldn&rsquo;t find that page</h1>
        <p>
          The item you were looking for doesn&rsquo;t exist or isn&rsquo;t part of this
          account. If you have several accounts, check that you are using the right one.
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
