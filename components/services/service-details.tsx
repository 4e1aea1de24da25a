import type { Currency, Service } from '@/lib/whmcs/types';
import { Card } from '@/components/card';
import { DetailList } from '@/components/detail-list';
import { formatDate, formatMegabytes, formatMoney } from '@/components/format';
import styles from './service-details.module.css';

type Props = { service: Service; currency: Currency | null };

export function ServiceDetails({ service, currency }: Props) {
  const hasServer = Boolean(
    service.serverHostname || service.dedicatedIp || service.username,
  );

  return (
    <div className="stack">
      {service.status === 'Suspended' ? (
        <p className="form-error">
          This service is suspended
          {service.suspensionReason ? ` (reason: ${service.suspensionReason})` : ''}.
          Please contact support or pay any outstanding invoices to restore it.
        </p>
      ) : null}
      <Card title="Billing">
        <DetailList
          items={[
            { term: 'Product', value: `${service.productName} (${service.groupName})` },
            { term: 'Billing cycle', value: service.billingCycle },
            {
              term: 'Recurring amount',
              value: formatMoney(service.recurringAmount, currency),
            },
            {
              term: 'First payment',
              value: formatMoney(service.firstPaymentAmount, currency),
            },
            { term: 'Payment method', value: service.paymentMethodName },
            { term: 'Registered', value: formatDate(service.registeredOn) },
            { term: 'Next due', value: formatDate(service.nextDueDate) },
          ]}
        />
      </Card>
      {hasServer ? (
        <Card title="Server">
          <DetailList
            items={[
              { term: 'Domain', value: service.domain },
              { term: 'Server', value: service.serverHostname },
              { term: 'Dedicated IP', value: service.dedicatedIp },
              { term: 'Username', value: service.username },
            ]}
          />
        </Card>
      ) : null}
      {service.diskLimitMb > 0 || service.bandwidthLimitMb > 0 ? (
        <Card title="Usage">
          <Usage
            label="Disk space"
            used={service.diskUsageMb}
            limit={service.diskLimitMb}
          />
          <Usage
            label="Bandwidth"
            used={service.bandwidthUsageMb}
            limit={service.bandwidthLimitMb}
          />
        </Card>
      ) : null}
      {service.configOptions.length > 0 ? (
        <Card title="Configuration">
          <DetailList
            items={service.configOptions.map((o) => ({ term: o.name, value: o.value }))}
          />
        </Card>
      ) : null}
    </div>
  );
}

function Usage({ label, used, limit }: { label: string; used: number; limit: number }) {
  if (limit <= 0) return null;
  const id = `usage-${label.toLowerCase().replace(/\W+/g, '-')}`;

  return (
    <div className={styles.usage}>
      <div className={styles.usageText}>
        <span id={id}>{label}</span>
        <span>
          {formatMegabytes(used)} of {formatMegabytes(limit)}
        </span>
      </div>
      <meter
        aria-labelledby={id}
        className={styles.meter}
        min={0}
        max={limit}
        low={limit * 0.8}
        high={limit * 0.95}
        optimum={0}
        value={Math.min(used, limit)}
      />
    </div>
  );
}
