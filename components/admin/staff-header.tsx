import Link from 'next/link';
import { adminCan, type AdminSession } from '@/lib/auth/admin-guards';
import type { AdminPermission } from '@/lib/auth/admin-roles';
import { NavLinks, type NavItem } from '@/components/portal/nav-links';
import styles from '@/components/portal/site-header.module.css';

// The staff area's header: the customer header's look, the staff sections the
// role may open, who is signed in, and sign-out (a POST to a route handler).

const NAV: (NavItem & { permission: AdminPermission })[] = [
  { href: '/admin', label: 'Dashboard', permission: 'stats:view', exact: true },
  { href: '/admin/security', label: 'Security', permission: 'security:view' },
];

export function StaffHeader({ session }: { session: AdminSession }) {
  const items = NAV.filter((item) => adminCan(session, item.permission)).map(
    ({ permission: _permission, ...item }) => item,
  );

  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link href="/admin" className={`brand ${styles.brand}`}>
          <span aria-hidden="true" className={styles.logo} />
          Kraken Portal · Staff
        </Link>
        <div className={styles.tools}>
          <p className={styles.account}>
            {session.username} ({session.role})
          </p>
          <form method="post" action="/api/admin/sign-out">
            <button type="submit" className={`button ${styles.headerButton}`}>
              Sign out
            </button>
          </form>
        </div>
        <nav aria-label="Staff" className={styles.nav}>
          <NavLinks items={items} />
        </nav>
      </div>
    </header>
  );
}
