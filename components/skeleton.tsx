import type { ReactNode } from 'react';
import styles from './skeleton.module.css';

// Placeholders shown while a section waits for WHMCS. They are hidden from
// assistive technology; the busy region announces the wait once instead.
// Each is shaped like what replaces it, so the page does not jump when the
// content streams in (issue #5: layout shift).

/**
 * The announcement every placeholder region carries, once. `kind` names it for
 * the benchmark, which times when placeholders leave the page ([data-skeleton]).
 */
export function Busy({
  className,
  kind = '',
  children,
}: {
  className?: string;
  kind?: string;
  children: ReactNode;
}) {
  return (
    <div className={className} role="status" aria-live="polite" data-skeleton={kind}>
      <span className="visually-hidden">Loading…</span>
      {children}
    </div>
  );
}

/** How much of its line a bar fills (classes, not inline styles: the CSP refuses those). */
export type BarWidth = 'short' | 'medium' | 'long' | 'full';

/** A grey bar standing in for one line of text. */
export function SkeletonBar({ width = 'full' }: { width?: BarWidth }) {
  return (
    <span
      className={`${styles.bar} ${styles[width]}`}
      aria-hidden="true"
      data-skeleton=""
    />
  );
}

export function SectionSkeleton({ lines = 4 }: { lines?: number }) {
  return (
    <Busy className={styles.skeleton}>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className={styles.line} aria-hidden="true" />
      ))}
    </Busy>
  );
}

/**
 * A list page's table while it loads: the header row and `rows` rows, in the
 * table's own frame, each row one element as tall as a one-line row of the
 * lists' five columns (on a phone, as tall as a row's card of five lines),
 * its cells' bars drawn by its background.
 */
export function TableSkeleton({ rows = 10 }: { rows?: number }) {
  return (
    <Busy className={styles.table}>
      <div className={styles.tableHead} aria-hidden="true" />
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className={styles.tableRow} aria-hidden="true" />
      ))}
    </Busy>
  );
}

/** A paragraph's first line; `className` gives it the paragraph's own box. */
export function LineSkeleton({ className }: { className?: string }) {
  return (
    <Busy className={className}>
      <span className={styles.lineBox}>
        <SkeletonBar width="medium" />
      </span>
    </Busy>
  );
}

/** The status filter above a list, while the list loads: a form row's height. */
export function FilterSkeleton() {
  return (
    <div className={styles.filter} aria-hidden="true">
      <SkeletonBar width="medium" />
    </div>
  );
}
