import type { Metadata } from 'next';
import { requireCustomer } from '@/lib/auth/guards';
import { getService } from '@/lib/whmcs/services';
import { BackLink, PageHeader } from '@/components/card';
import { clientCurrency } from '@/components/client-currency';
import { recordTitle } from '@/components/record-title';
import { parseId } from '@/components/route-params';
import { orNotFound, Section, settle } from '@/components/section';
import { ServiceActions } from '@/components/services/service-actions';
import { ServiceDetails } from '@/components/services/service-details';
import { StatusBadge } from '@/components/status-badge';

type Props = { params: Promise<{ id: string }> };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return recordTitle(params, 'products', getService, (s) => s.productName, 'Service');
}

// Awaited before anything streams, so an unknown or foreign id answers a real 404.
export default async function ServicePage({ params }: Props) {
  const session = await requireCustomer('products');
  const id = parseId((await params).id);
  const currency = clientCurrency(session);
  const load = await orNotFound(
    settle('service', Promise.all([getService(session.clientId, id), currency])),
  );
  const service = load.ok ? load.value[0] : null;

  return (
    <div className="page">
      <BackLink href="/services">All services</BackLink>
      <PageHeader title={service?.productName ?? `Service #${id}`}>
        {service ? (
          <p className="header-meta">
            <StatusBadge status={service.status} />
            <span>{service.domain || service.groupName}</span>
          </p>
        ) : null}
      </PageHeader>
      <div className="stack">
        <Section what="service details" load={load} retryHref={`/services/${id}`}>
          {([details, money]) => <ServiceDetails service={details} currency={money} />}
        </Section>
        {load.ok ? (
          <ServiceActions
            service={load.value[0]}
            currency={load.value[1]}
            session={session}
          />
        ) : null}
      </div>
    </div>
  );
}
