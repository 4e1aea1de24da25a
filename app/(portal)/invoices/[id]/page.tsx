import type { Metadata } from 'next';
import { requireCustomer } from '@/lib/auth/guards';
import { downloadInvoicePdf, payInvoice } from '@/lib/portal/sso-actions';
import { getInvoice } from '@/lib/whmcs/billing';
import { compareMoney } from '@/lib/whmcs/money';
import { HandOver } from '@/components/account/hand-over';
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
  const currency = clientCurrency(session);
  const load = await orNotFound(
    settle('invoice', Promise.all([getInvoice(session.clientId, id), currency])),
  );
  const invoice = load.ok ? load.value[0] : null;
  // Paid in WHMCS's client area; an invoice with nothing left to pay offers only its PDF.
  const payable = invoice?.status === 'Unpaid' && compareMoney(invoice.balance, '0') > 0;

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
      <div className="stack">
        {invoice ? (
          <HandOver
            session={session}
            back={`/invoices/${id}`}
            buttons={[
              ...(payable
                ? [{ action: payInvoice, label: 'Pay now', hidden: { invoiceId: id } }]
                : []),
              {
                action: downloadInvoicePdf,
                label: 'Download PDF',
                hidden: { invoiceId: id },
                secondary: payable,
              },
            ]}
          >
            {payable ? 'Paying and the PDF open' : 'The PDF opens'} our billing system
            (WHMCS) in this tab, already signed in as you with a one-time link.
          </HandOver>
        ) : null}
        <Section what="invoice" load={load} retryHref={`/invoices/${id}`}>
          {([details, money]) => <InvoiceDetails invoice={details} currency={money} />}
        </Section>
      </div>
    </div>
  );
}
