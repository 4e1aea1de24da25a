import type { Domain, Page } from '@/lib/whmcs/types';
import { EmptyState } from '@/components/empty-state';
import { formatDate, plural } from '@/components/format';
import { daysUntil, expiringDomains, SHOWN } from './select';
import { ItemList } from './item-list';

export function ExpiringDomains({ domains }: { domains: Page<Domain> }) {
  const expiring = expiringDomains(domains.items, 30);
  if (expiring.length === 0) {
    return (
      <EmptyState title="Nothing expires in the next 30 days">
        <p>We&rsquo;ll list domains here when their renewal date is near.</p>
      </EmptyState>
    );
  }

  return (
    <ItemList
      label="Domains expiring within 30 days"
      items={expiring.slice(0, SHOWN).map((domain) => ({
        key: domain.id,
        href: `/domains/${domain.id}`,
        title: domain.name,
        meta: domain.autoRenew ? 'Renews automatically' : 'Auto-renew is off',
        aside: <span>{expiryText(domain.expiresOn)}</span>,
      }))}
    />
  );
}

function expiryText(expiresOn: Date | null): string {
  if (!expiresOn) return '';
  const days = daysUntil(expiresOn);
  const when = days === 0 ? 'today' : `in ${plural(days, 'day')}`;

  return `Expires ${when} (${formatDate(expiresOn)})`;
}
