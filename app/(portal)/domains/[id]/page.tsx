import type { Metadata } from 'next';
import { requireCustomer } from '@/lib/auth/guards';
import { getDomain } from '@/lib/whmcs/domains';
import type { Currency, Domain } from '@/lib/whmcs/types';
import { BackLink, Card, PageHeader } from '@/components/card';
import { DomainSettings } from '@/components/domains/domain-settings';
import { clientCurrency } from '@/components/client-currency';
import { DetailList } from '@/components/detail-list';
import { formatDate, formatMoney, plural } from '@/components/format';
import { recordTitle } from '@/components/record-title';
import { parseId } from '@/components/route-params';
import { orNotFound, Section, settle } from '@/components/section';
import { StatusBadge } from '@/components/status-badge';

type Props = { params: Promise<{ id: string }> };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return recordTitle(params, 'domains', getDomain, (d) => d.name, 'Domain');
}

// Awaited before anything streams, so an unknown or foreign id answers a real 404.
export default async function DomainPage({ params }: Props) {
  const session = await requireCustomer('domains');
  const id = parseId((await params).id);
  const currency = clientCurrency(session);
  const load = await orNotFound(
    settle('domain', Promise.all([getDomain(session.clientId, id), currency])),
  );
  const domain = load.ok ? load.value[0] : null;

  return (
    <div className="page">
      <BackLink href="/domains">All domains</BackLink>
      <PageHeader title={domain?.name ?? `Domain #${id}`}>
        {domain ? (
          <p className="header-meta">
            <StatusBadge status={domain.status} />
            <span>Expires {formatDate(domain.expiresOn)}</span>
          </p>
        ) : null}
      </PageHeader>
      <div className="stack">
        <Section what="domain details" load={load} retryHref={`/domains/${id}`}>
          {([details, money]) => <DomainDetails domain={details} currency={money} />}
        </Section>
        {domain ? <DomainSettings domain={domain} session={session} /> : null}
      </div>
    </div>
  );
}

const onOff = (value: boolean) => (value ? 'On' : 'Off');

function DomainDetails({
  domain,
  currency,
}: {
  domain: Domain;
  currency: Currency | null;
}) {
  return (
    <div className="stack">
      <Card title="Registration">
        <DetailList
          items={[
            { term: 'Registrar', value: domain.registrar },
            { term: 'Registered', value: formatDate(domain.registeredOn) },
            { term: 'Expires', value: formatDate(domain.expiresOn) },
            { term: 'Period', value: plural(domain.registrationPeriodYears, 'year') },
            { term: 'Type', value: domain.registrationType },
          ]}
        />
      </Card>
      <Card title="Renewal">
        <DetailList
          items={[
            { term: 'Auto-renew', value: onOff(domain.autoRenew) },
            { term: 'Next due', value: formatDate(domain.nextDueDate) },
            {
              term: 'Renewal price',
              value: formatMoney(domain.recurringAmount, currency),
            },
            { term: 'Payment method', value: domain.paymentMethodName },
          ]}
        />
      </Card>
      <Card title="Add-ons">
        <DetailList
          items={[
            { term: 'DNS management', value: onOff(domain.dnsManagement) },
            { term: 'Email forwarding', value: onOff(domain.emailForwarding) },
            { term: 'ID protection', value: onOff(domain.idProtection) },
          ]}
        />
      </Card>
    </div>
  );
}
