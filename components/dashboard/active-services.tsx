import type { Currency, Page, Service } from '@/lib/whmcs/types';
import { EmptyState } from '@/components/empty-state';
import { formatDate, formatMoney, plural } from '@/components/format';
import { activeServices, SHOWN } from './select';
import { ItemList, Stat } from './item-list';
import styles from './dashboard.module.css';

type Props = { services: Page<Service>; currency: Currency | null };

export function ActiveServices({ services, currency }: Props) {
  const active = activeServices(services.items);
  const partial = services.total > services.items.length;
  if (active.length === 0) {
    return (
      <EmptyState title="No active services">
        <p>Services you order will appear here once they are set up.</p>
      </EmptyState>
    );
  }

  return (
    <>
      <Stat
        label="Active"
        value={plural(active.length, 'service')}
        note={
          partial
            ? `Counted among the first ${services.items.length} of ${services.total}`
            : undefined
        }
      />
      <ItemList
        label="Active services"
        items={active.slice(0, SHOWN).map((service) => ({
          key: service.id,
          href: `/services/${service.id}`,
          title: service.productName,
          meta: service.domain || service.groupName,
          aside: (
            <span className={styles.fit}>
              {formatMoney(service.recurringAmount, currency)}
              <span className="muted"> · renews {formatDate(service.nextDueDate)}</span>
            </span>
          ),
        }))}
      />
    </>
  );
}
