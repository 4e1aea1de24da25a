import styles from './skeleton.module.css';

// Placeholders shown while a section waits for WHMCS. They are hidden from
// assistive technology; the busy region announces the wait once instead.

export function SectionSkeleton({ lines = 4 }: { lines?: number }) {
  return (
    <div className={styles.skeleton} role="status" aria-live="polite">
      <span className="visually-hidden">Loading…</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className={styles.line} aria-hidden="true" />
      ))}
    </div>
  );
}

export function PageSkeleton() {
  return (
    <div className="page" aria-busy="true">
      <div className={styles.title} aria-hidden="true" />
      <div className={styles.card}>
        <SectionSkeleton lines={6} />
      </div>
    </div>
  );
}
