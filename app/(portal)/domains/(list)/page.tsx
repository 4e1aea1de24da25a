import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCustomer } from '@/lib/auth/guards';
import { listDomains } from '@/lib/whmcs/domains';
import type { Domain } from '@/lib/whmcs/types';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyList } from '@/components/empty-state';
import { ListHeader, ListSkeleton } from '@/components/list-pages';
import { formatDate } from '@/components/format';
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

export const metadata: Metadata = { title: 'Domains' };

type Props = { searchParams: Promise<SearchParams> };

export default async function DomainsPage({ searchParams }: Props) {
  const session = await requireCustomer('domains');
  const page = parsePage(await searchParams);
  const load = settle(
    'domains',
    listDomains(session.clientId, { offset: offsetOf(page), limit: PAGE_SIZE }),
  );
  const hrefFor = (n: number) => hrefWith('/domains', { page: n > 1 ? n : undefined });

  return (
    <div className="page">
      <ListHeader list="domains" />
      <Section
        what="domains"
        load={load}
        retryHref={hrefFor(page)}
        fallback={<ListSkeleton />}
      >
        {(domains) =>
          domains.items.length === 0 ? (
            <EmptyList page={page} firstPage={hrefFor(1)} title="No domains yet" />
          ) : (
            <>
              <DataTable
                caption="Your domains"
                hideCaption
                columns={COLUMNS}
                rows={domains.items}
                rowKey={(d) => d.id}
              />
              <Pagination
                page={page}
                total={domains.total}
                hrefFor={hrefFor}
                noun="domains"
              />
            </>
          )
        }
      </Section>
    </div>
  );
}

const COLUMNS: Column<Domain>[] = [
  { header: 'Domain', cell: (d) => <Link href={`/domains/${d.id}`}>{d.name}</Link> },
  { header: 'Registered', cell: (d) => formatDate(d.registeredOn) },
  { header: 'Expires', cell: (d) => formatDate(d.expiresOn) },
  { header: 'Auto-renew', cell: (d) => (d.autoRenew ? 'On' : 'Off') },
  { header: 'Status', cell: (d) => <StatusBadge status={d.status} /> },
];
