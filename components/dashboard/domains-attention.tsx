import type { Domain, Page } from '@/lib/whmcs/types';
import { EmptyState } from '@/components/empty-state';
import { formatDate, plural } from '@/components/format';
import { StatusBadge } from '@/components/status-badge';
import { daysUntil, domainsNeedingAttention, LAPSED_DOMAIN, SHOWN } from './select';
import { ItemList } from './item-list';
import styles from './dashboard.module.css';

// Domains to act on: renewal due within 30 days, or already past expiry in
// Grace (renew at the normal price), Redemption (restore for a fee) or Expired.

const WINDOW_DAYS = 30;

const LAPSED_NOTE: Readonly<Record<string, string>> = {
  Grace: 'In its grace period: renew now to keep it',
  Redemption: 'In redemption: contact us to restore it',
  Expired: 'Expired: contact us if you still want it',
};

export function DomainsNeedingAttention({ domains }: { domains: Page<Domain> }) {
  const needing = domainsNeedingAttention(domains.items, WINDOW_DAYS);
  if (needing.length === 0) {
    return (
      <EmptyState title="No domains need attention">
        <p>
          We&rsquo;ll list domains here when their renewal is less than {WINDOW_DAYS} days
          away or their registration has lapsed.
        </p>
      </EmptyState>
    );
  }

  return (
    <ItemList
      label="Domains needing attention"
      items={needing.slice(0, SHOWN).map((domain) => ({
        key: domain.id,
        href: `/domains/${domain.id}`,
        title: domain.name,
        meta: noteFor(domain),
        aside: (
          <>
            <span className={styles.fit}>{expiryText(domain.expiresOn)}</span>
            {LAPSED_DOMAIN.has(domain.status) ? (
              <StatusBadge status={domain.status} />
            ) : null}
          </>
        ),
      }))}
    />
  );
}

function noteFor(domain: Domain): string {
  const lapsed = LAPSED_NOTE[domain.status];
  if (lapsed) return lapsed;

  return domain.autoRenew ? 'Renews automatically' : 'Auto-renew is off';
}

function expiryText(expiresOn: Date | null): string {
  if (!expiresOn) return '';
  const days = daysUntil(expiresOn);
  const date = formatDate(expiresOn);
  if (days < 0) return `Expired ${plural(-days, 'day')} ago (${date})`;

  return `Expires ${days === 0 ? 'today' : `in ${plural(days, 'day')}`} (${date})`;
}
