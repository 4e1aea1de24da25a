import Link from 'next/link';
import { Suspense } from 'react';
import { can, type CustomerSession } from '@/lib/auth/guards';
import type { Permission } from '@/lib/whmcs/types';
import { AccountFallback, AccountLinks, AccountMenu } from './account-menu';
import { NavLinks, type NavItem } from './nav-links';
import styles from './site-header.module.css';

// Links to sections the session may not see are left out; the pages themselves
// still refuse them (requireCustomer with the permission). The brand, account,
// sign-out and nav are separate grid items, so each screen width can place them
// (site-header.module.css): a phone gives the account switcher a row of its own.
const NAV: (NavItem & { permission?: Permission })[] = [
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/services', label: 'Services', permission: 'products' },
  { href: '/domains', label: 'Domains', permission: 'domains' },
  { href: '/invoices', label: 'Invoices', permission: 'invoices' },
  { href: '/tickets', label: 'Tickets', permission: 'tickets' },
  { href: '/account/security', label: 'Security' },
];

export function SiteHeader({ session }: { session: CustomerSession }) {
  const items = NAV.filter(
    (item) => !item.permission || can(session, item.permission),
  ).map(({ href, label }) => ({ href, label }));

  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link href="/dashboard" className={`brand ${styles.brand}`}>
          <span aria-hidden="true" className={styles.logo} />
          Kraken Portal
        </Link>
        <div className={styles.accountSlot}>
          <Suspense fallback={<AccountFallback email={session.email} />}>
            <AccountMenu session={session} />
          </Suspense>
          <AccountLinks session={session} />
        </div>
        <form method="post" action="/api/sign-out" className={styles.signOut}>
          <button type="submit" className={`button ${styles.headerButton}`}>
            Sign out
          </button>
        </form>
        <nav aria-label="Main" className={styles.nav}>
          <NavLinks items={items} />
        </nav>
      </div>
    </header>
  );
}
