import type { Metadata } from 'next';
import { requireCustomer } from '@/lib/auth/guards';
import { getInvoice } from '@/lib/whmcs/billing';
import { BackLink, PageHeader } from '@/components/card';
import { clientCurrency } from '@/components/client-currency';
import { formatDate } from '@/components/format';
import { InvoiceDetails } from '@/components/invoices/invoice-details';
import { InvoiceStatusBadge } from '@/components/invoices/invoice-status-badge';
import { recordTitle } from '@/components/record-title';
import { parseId } from '@/components/route-params';
import { orNotFound, Section, settle } from '@/components/section';

type Props = { params: Promise<{ id: string }> };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return recordTitle(
    params,
    'invoices',
    getInvoice,
    (i) => `Invoice #${i.number}`,
    'Invoice',
  );
}

// Awaited before anything streams, so an unknown or foreign id answers a real 404.
export default async function InvoicePage({ params }: Props) {
  const session = await requireCustomer('invoices');
  const id = parseId((await params).id);
  const currency = clientCurrency(session.clientId);
  const load = await orNotFound(
    settle('invoice', Promise.all([getInvoice(session.clientId, id), currency])),
  );
  const invoice = load.ok ? load.value[0] : null;

  return (
    <div className="page">
      <BackLink href="/invoices">All invoices</BackLink>
      <PageHeader title={`Invoice #${invoice?.number ?? id}`}>
        {invoice ? (
          <p className="header-meta">
            <InvoiceStatusBadge invoice={invoice} />
            <span>Due {formatDate(invoice.dueOn)}</span>
          </p>
        ) : null}
      </PageHeader>
      <Section what="invoice" load={load} retryHref={`/invoices/${id}`}>
        {([details, money]) => <InvoiceDetails invoice={details} currency={money} />}
      </Section>
    </div>
  );
}
