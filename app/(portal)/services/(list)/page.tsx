import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCustomer } from '@/lib/auth/guards';
import type { Currency, Service } from '@/lib/whmcs/types';
import { listServices } from '@/lib/whmcs/services';
import { clientCurrency } from '@/components/client-currency';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyList } from '@/components/empty-state';
import { ListHeader, ListSkeleton } from '@/components/list-pages';
import { formatDate, formatMoney } from '@/components/format';
import { Pagination } from '@/components/pagination';
import {
  hrefWith,
  offsetOf,
  PAGE_SIZE,
  parsePage,
  type SearchParams,
} from '@/components/route-params';
import { Section, settle } from '@/components/section';
import { StatusBadge } from '@/components/status-badge';

export const metadata: Metadata = { title: 'Services' };

type Props = { searchParams: Promise<SearchParams> };

export default async function ServicesPage({ searchParams }: Props) {
  const session = await requireCustomer('products');
  const page = parsePage(await searchParams);
  const listing = listServices(session.clientId, {
    offset: offsetOf(page),
    limit: PAGE_SIZE,
  });
  const load = settle('services', Promise.all([listing, clientCurrency(session)]));
  const hrefFor = (n: number) => hrefWith('/services', { page: n > 1 ? n : undefined });

  return (
    <div className="page">
      <ListHeader list="services" />
      <Section
        what="services"
        load={load}
        retryHref={hrefFor(page)}
        fallback={<ListSkeleton />}
      >
        {([services, currency]) =>
          services.items.length === 0 ? (
            <EmptyList page={page} firstPage={hrefFor(1)} title="No services yet" />
          ) : (
            <>
              <DataTable
                caption="Your services"
                hideCaption
                columns={columns(currency)}
                rows={services.items}
                rowKey={(s) => s.id}
              />
              <Pagination
                page={page}
                total={services.total}
                hrefFor={hrefFor}
                noun="services"
              />
            </>
          )
        }
      </Section>
    </div>
  );
}

function columns(currency: Currency | null): Column<Service>[] {
  return [
    {
      header: 'Service',
      cell: (s) => <Link href={`/services/${s.id}`}>{s.productName}</Link>,
    },
    { header: 'Domain', cell: (s) => s.domain || '—' },
    {
      header: 'Price',
      numeric: true,
      cell: (s) => `${formatMoney(s.recurringAmount, currency)} ${s.billingCycle}`,
    },
    { header: 'Next due', cell: (s) => formatDate(s.nextDueDate) },
    { header: 'Status', cell: (s) => <StatusBadge status={s.status} /> },
  ];
}
