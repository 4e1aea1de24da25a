import type { ReactNode } from 'react';
import styles from './detail-list.module.css';

// Label/value pairs of a record as a description list. Rows whose value is
// empty are left out rather than shown as blanks.

export type Detail = { term: string; value: ReactNode };

export function DetailList({ items }: { items: Detail[] }) {
  const shown = items.filter((item) => item.value !== '' && item.value !== null);

  return (
    <dl className={styles.list}>
      {shown.map((item) => (
        <div key={item.term} className={styles.row}>
          <dt>{item.term}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
