import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './dashboard.module.css';

// The dashboard's compact lists: one line to follow, a line of detail, and a
// status or figure on the right. Narrow screens stack them.

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
          <div className={styles.itemMain}>
            <Link href={item.href} className={styles.itemTitle}>
              {item.title}
            </Link>
            <span className={styles.itemMeta}>{item.meta}</span>
          </div>
          {item.aside ? <div className={styles.itemAside}>{item.aside}</div> : null}
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
  value: string;
  note?: string;
}) {
  return (
    <div className={styles.stat}>
      <span className={styles.statLabel}>{label}</span>
      <span className={styles.statValue}>{value}</span>
      {note ? <span className={styles.statNote}>{note}</span> : null}
    </div>
  );
}
