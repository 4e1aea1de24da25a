import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCustomer } from '@/lib/auth/guards';
import { listTickets } from '@/lib/whmcs/support';
import type { TicketSummary } from '@/lib/whmcs/types';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyList } from '@/components/empty-state';
import { ListHeader, ListSkeleton } from '@/components/list-pages';
import { formatDate } from '@/components/format';
import { Pagination } from '@/components/pagination';
import {
  hrefWith,
  offsetOf,
  PAGE_SIZE,
  parseChoice,
  parsePage,
  type SearchParams,
} from '@/components/route-params';
import { Section, settle } from '@/components/section';
import { StatusBadge } from '@/components/status-badge';
import { StatusFilter } from '@/components/status-filter';
import { departmentNames } from '@/components/tickets/departments';
import { TICKET_FILTERS, ticketStatusLabel } from '@/components/tickets/ticket-status';

export const metadata: Metadata = { title: 'Support tickets' };

type Props = { searchParams: Promise<SearchParams> };

export default async function TicketsPage({ searchParams }: Props) {
  const session = await requireCustomer('tickets');
  const params = await searchParams;
  const page = parsePage(params);
  const filter = TICKET_FILTERS.find(
    (f) => f.value === parseChoice(params.status, VALUES),
  );
  const status = filter?.value;
  const listing = listTickets(session.clientId, {
    status,
    offset: offsetOf(page),
    limit: PAGE_SIZE,
  });
  const load = settle('tickets', Promise.all([listing, departmentNames()]));
  const hrefFor = (n: number) =>
    hrefWith('/tickets', { status, page: n > 1 ? n : undefined });

  return (
    <div className="page">
      <ListHeader list="tickets" />
      <StatusFilter
        action="/tickets"
        options={TICKET_FILTERS}
        current={status}
        allLabel="All tickets"
      />
      <Section
        what="support tickets"
        load={load}
        retryHref={hrefFor(page)}
        fallback={<ListSkeleton />}
      >
        {([tickets, departments]) =>
          tickets.items.length === 0 ? (
            <EmptyList
              page={page}
              firstPage={hrefFor(1)}
              title={filter ? 'No tickets match this filter' : 'No tickets yet'}
            />
          ) : (
            <>
              <DataTable
                caption={filter?.label ?? 'All tickets'}
                hideCaption
                columns={columns(departments)}
                rows={tickets.items}
                rowKey={(t) => t.id}
              />
              <Pagination
                page={page}
                total={tickets.total}
                hrefFor={hrefFor}
                noun="tickets"
              />
            </>
          )
        }
      </Section>
    </div>
  );
}

const VALUES = TICKET_FILTERS.map((f) => f.value);

function columns(departments: ReadonlyMap<number, string>): Column<TicketSummary>[] {
  return [
    {
      header: 'Subject',
      cell: (t) => <Link href={`/tickets/${t.id}`}>{t.subject}</Link>,
    },
    { header: 'Ticket', cell: (t) => `#${t.number}` },
    { header: 'Department', cell: (t) => departments.get(t.departmentId) ?? '—' },
    { header: 'Last update', cell: (t) => formatDate(t.lastReplyAt ?? t.openedAt) },
    {
      header: 'Status',
      cell: (t) => <StatusBadge status={t.status} label={ticketStatusLabel(t.status)} />,
    },
  ];
}
