'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './site-header.module.css';

// The only client component of the header: it needs the current path to mark
// the active link with aria-current="page".

/** `exact`: only this path itself is current (an area's home, e.g. /admin). */
export type NavItem = { href: string; label: string; exact?: boolean };

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();

  return (
    <ul className={styles.navList}>
      {items.map((item) => {
        const active =
          pathname === item.href || (!item.exact && pathname.startsWith(`${item.href}/`));
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              className={styles.navLink}
              aria-current={active ? 'page' : undefined}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
