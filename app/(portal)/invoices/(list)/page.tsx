import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCustomer } from '@/lib/auth/guards';
import { listInvoices } from '@/lib/whmcs/billing';
import { getClientDetails } from '@/lib/whmcs/clients';
import {
  CUSTOMER_INVOICE_STATUSES,
  type Currency,
  type InvoiceSummary,
} from '@/lib/whmcs/types';
import { clientCurrency } from '@/components/client-currency';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyList } from '@/components/empty-state';
import { CreditSkeleton, ListHeader, ListSkeleton } from '@/components/list-pages';
import { formatDate, formatMoney } from '@/components/format';
import { CreditBalance } from '@/components/invoices/credit-balance';
import { InvoiceStatusBadge } from '@/components/invoices/invoice-status-badge';
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
import { StatusFilter } from '@/components/status-filter';

export const metadata: Metadata = { title: 'Invoices' };

type Props = { searchParams: Promise<SearchParams> };

export default async function InvoicesPage({ searchParams }: Props) {
  const session = await requireCustomer('invoices');
  const params = await searchParams;
  const page = parsePage(params);
  const status = parseChoice(params.status, CUSTOMER_INVOICE_STATUSES);
  const listing = listInvoices(session.clientId, {
    status,
    orderBy: 'date',
    order: 'desc',
    offset: offsetOf(page),
    limit: PAGE_SIZE,
  });
  const load = settle('invoices', Promise.all([listing, clientCurrency(session)]));
  const account = settle('credit balance', getClientDetails(session.clientId));
  const hrefFor = (n: number) =>
    hrefWith('/invoices', { status, page: n > 1 ? n : undefined });

  return (
    <div className="page">
      <ListHeader list="invoices" />
      <Section
        what="credit balance"
        load={account}
        retryHref={hrefFor(page)}
        fallback={<CreditSkeleton />}
      >
        {(client) => <CreditBalance credit={client.credit} currency={client.currency} />}
      </Section>
      <StatusFilter
        action="/invoices"
        options={CUSTOMER_INVOICE_STATUSES.map((s) => ({ value: s, label: s }))}
        current={status}
        allLabel="All invoices"
      />
      <Section
        what="invoices"
        load={load}
        retryHref={hrefFor(page)}
        fallback={<ListSkeleton />}
      >
        {([invoices, currency]) =>
          invoices.items.length === 0 ? (
            <EmptyList
              page={page}
              firstPage={hrefFor(1)}
              title={status ? `No ${status.toLowerCase()} invoices` : 'No invoices yet'}
            />
          ) : (
            <>
              <DataTable
                caption={status ? `${status} invoices` : 'All invoices'}
                hideCaption
                columns={columns(currency)}
                rows={invoices.items}
                rowKey={(i) => i.id}
              />
              <Pagination
                page={page}
                total={invoices.total}
                positions={invoices.positions}
                hrefFor={hrefFor}
                noun="invoices"
              />
            </>
          )
        }
      </Section>
    </div>
  );
}

function columns(currency: Currency | null): Column<InvoiceSummary>[] {
  return [
    {
      header: 'Invoice',
      cell: (i) => <Link href={`/invoices/${i.id}`}>#{i.number}</Link>,
    },
    { header: 'Issued', cell: (i) => formatDate(i.issuedOn) },
    { header: 'Due', cell: (i) => formatDate(i.dueOn) },
    {
      header: 'Total',
      numeric: true,
      cell: (i) => formatMoney(i.total, i.currency ?? currency),
    },
    { header: 'Status', cell: (i) => <InvoiceStatusBadge invoice={i} /> },
  ];
}
