import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './card.module.css';

// A titled panel: a <section> labelled by its h2, with an optional link or
// button beside the heading.

type Props = { title: string; action?: ReactNode; children: ReactNode };

export function Card({ title, action, children }: Props) {
  const headingId = `card-${title.toLowerCase().replace(/\W+/g, '-')}`;

  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <div className={styles.header}>
        <h2 id={headingId}>{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}

export function PageHeader({
  title,
  children,
}: {
  title: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {children}
    </div>
  );
}

/** "View all", with the list named for screen-reader users who jump between links. */
export function ViewAll({ href, what }: { href: string; what: string }) {
  return (
    <Link href={href}>
      View all<span className="visually-hidden"> {what}</span>
    </Link>
  );
}

export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="back-link">
      <span aria-hidden="true">← </span>
      {children}
    </Link>
  );
}
