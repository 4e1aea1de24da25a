import styles from './status-badge.module.css';

// A status as a word in a coloured pill: the text carries the meaning, the colour
// only helps scanning. Unknown statuses (WHMCS admins can add ticket statuses)
// fall back to the neutral tone.

type Tone = 'success' | 'warning' | 'danger' | 'info' | 'neutral';

const TONES: Record<string, Tone> = {
  Active: 'success',
  Paid: 'success',
  Answered: 'success',
  Completed: 'neutral',
  Pending: 'info',
  'Pending Registration': 'info',
  'Pending Transfer': 'info',
  'Payment Pending': 'info',
  Open: 'info',
  'In Progress': 'info',
  Unpaid: 'warning',
  Grace: 'warning',
  'Customer-Reply': 'warning',
  'On Hold': 'warning',
  Suspended: 'danger',
  Overdue: 'danger',
  Collections: 'danger',
  Redemption: 'danger',
  Expired: 'danger',
  Fraud: 'danger',
  Terminated: 'neutral',
  Cancelled: 'neutral',
  Refunded: 'neutral',
  'Transferred Away': 'neutral',
  Closed: 'neutral',
};

/** `label` replaces the WHMCS word where customers have one of their own. */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  const tone = TONES[status] ?? 'neutral';

  return <span className={`${styles.badge} ${styles[tone]}`}>{label ?? status}</span>;
}
