import type { Currency, Invoice, InvoiceItem, Transaction } from '@/lib/whmcs/types';
import { compareMoney } from '@/lib/whmcs/money';
import { Card } from '@/components/card';
import { DataTable, type Column } from '@/components/data-table';
import { DetailList } from '@/components/detail-list';
import { formatDate, formatMoney } from '@/components/format';

type Props = { invoice: Invoice; currency: Currency | null };

const nonZero = (amount: string) => compareMoney(amount, '0') !== 0;

export function InvoiceDetails({ invoice, currency }: Props) {
  const money = (amount: string) => formatMoney(amount, currency);
  const totals = [
    { label: 'Subtotal', value: money(invoice.subtotal) },
    ...(nonZero(invoice.tax)
      ? [{ label: taxLabel('Tax', invoice.taxRate), value: money(invoice.tax) }]
      : []),
    ...(nonZero(invoice.tax2)
      ? [{ label: taxLabel('Tax 2', invoice.taxRate2), value: money(invoice.tax2) }]
      : []),
    ...(nonZero(invoice.credit)
      ? [{ label: 'Credit applied', value: `-${money(invoice.credit)}` }]
      : []),
    { label: 'Total', value: money(invoice.total) },
    { label: 'Balance due', value: money(invoice.balance) },
  ];

  return (
    <div className="stack">
      <Card title="Summary">
        <DetailList
          items={[
            { term: 'Issued', value: formatDate(invoice.issuedOn) },
            { term: 'Due', value: formatDate(invoice.dueOn) },
            { term: 'Paid', value: invoice.paidOn ? formatDate(invoice.paidOn) : '' },
            { term: 'Payment method', value: invoice.paymentMethod },
            {
              term: 'Notes',
              value: invoice.notes && <span className="pre-wrap">{invoice.notes}</span>,
            },
          ]}
        />
      </Card>
      <DataTable
        caption="Items"
        columns={itemColumns(money)}
        rows={invoice.items}
        rowKey={(item) => item.id}
        footer={totals}
      />
      {invoice.transactions.length > 0 ? (
        <DataTable
          caption="Payments"
          columns={transactionColumns(money)}
          rows={invoice.transactions}
          rowKey={(t) => t.id}
        />
      ) : (
        <p className="muted">No payments have been recorded against this invoice yet.</p>
      )}
    </div>
  );
}

function taxLabel(name: string, rate: string): string {
  if (!/[1-9]/.test(rate)) return name;
  const trimmed = rate.includes('.') ? rate.replace(/\.?0+$/, '') : rate;

  return `${name} (${trimmed}%)`;
}

function itemColumns(money: (amount: string) => string): Column<InvoiceItem>[] {
  return [
    {
      header: 'Description',
      cell: (item) => <span className="pre-wrap">{item.description}</span>,
    },
    { header: 'Amount', numeric: true, cell: (item) => money(item.amount) },
  ];
}

function transactionColumns(money: (amount: string) => string): Column<Transaction>[] {
  return [
    { header: 'Date', cell: (t) => formatDate(t.date) },
    { header: 'Method', cell: (t) => t.gateway },
    {
      header: 'Transaction',
      cell: (t) => <span className="mono">{t.transactionId}</span>,
    },
    {
      header: 'Amount',
      numeric: true,
      cell: (t) => (nonZero(t.amountOut) ? `-${money(t.amountOut)}` : money(t.amountIn)),
    },
  ];
}
