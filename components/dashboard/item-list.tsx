import Link from 'next/link';
import type { ReactNode } from 'react';
import { Busy } from '@/components/skeleton';
import styles from './dashboard.module.css';

// The dashboard's compact lists: a line to follow, a line of detail, and a
// line with a figure or status. Each line has a fixed height and ends in an
// ellipsis when it is too long (dashboard.module.css), so the skeletons below
// take exactly the room of what replaces them.

export type Item = {
  key: number;
  href: string;
  title: string;
  meta: ReactNode;
  aside?: ReactNode;
};

export function ItemList({ items, label }: { items: Item[]; label: string }) {
  return (
    <ul className={styles.items} aria-label={label}>
      {items.map((item) => (
        <li key={item.key} className={styles.item}>
          <Link href={item.href} className={styles.itemTitle}>
            {item.title}
          </Link>
          <span className={styles.itemMeta}>{item.meta}</span>
          <div className={styles.itemAside}>{item.aside}</div>
        </li>
      ))}
    </ul>
  );
}

export function Stat({
  label,
  value,
  note,
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
}) {
  return (
    <div className={styles.stat}>
      <span className={styles.statLabel}>{label}</span>
      <span className={styles.statValue}>{value}</span>
      {note ? <span className={styles.statNote}>{note}</span> : null}
    </div>
  );
}

/**
 * A card's body while WHMCS answers: the figure (when the card has one) and
 * SHOWN rows, each block one element whose bars are drawn by its background
 * (dashboard.module.css), so the placeholder costs the page little markup.
 */
export function CardSkeleton({ stat }: { stat: boolean }) {
  return (
    <Busy kind="card">
      {stat ? (
        <div className={`${styles.stat} ${styles.statSkeleton}`} aria-hidden="true" />
      ) : null}
      <div className={styles.rowsSkeleton} aria-hidden="true" />
    </Busy>
  );
}
