import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './empty-state.module.css';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className={styles.empty}>
      <p className={styles.title}>{title}</p>
      {children ? <div className={styles.body}>{children}</div> : null}
    </div>
  );
}

type ListProps = {
  page: number;
  /** The URL of page 1 with the list's filters. */
  firstPage: string;
  /** What page 1 says when the list has nothing at all. */
  title: string;
  children?: ReactNode;
};

/**
 * An empty list. Past page 1 (?page=99) the list may well have items, so it
 * must not read as "nothing yet": it says the page is empty and links to page 1.
 */
export function EmptyList({ page, firstPage, title, children }: ListProps) {
  if (page <= 1) return <EmptyState title={title}>{children}</EmptyState>;

  return (
    <EmptyState title="This page is empty">
      <p>
        The list has fewer pages than that. <Link href={firstPage}>Go to page 1</Link>
      </p>
    </EmptyState>
  );
}
