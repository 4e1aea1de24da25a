import { HttpResponse } from 'msw';

// GetInvoices and GetInvoice answers shaped like the official examples, for
// fakes that answer by status and by invoice id.

export type FakeInvoice = {
  id: number;
  status: string;
  due: string;
  total: string;
  balance?: string;
  userid?: number;
};

function row(invoice: FakeInvoice) {
  return {
    id: invoice.id,
    userid: invoice.userid ?? 1,
    invoicenum: '',
    date: '2026-10-01',
    duedate: invoice.due,
    datepaid: '0000-00-00 00:00:00',
    subtotal: invoice.total,
    credit: '0.00',
    tax: '0.00',
    tax2: '0.00',
    total: invoice.total,
    taxrate: '0.000',
    taxrate2: '0.000',
    status: invoice.status,
    paymentmethod: 'paypal',
    currencycode: 'USD',
    currencyprefix: '$',
    currencysuffix: ' USD',
  };
}

/** GetInvoices over `invoices`, honouring status, limitstart and limitnum. */
export function getInvoicesAnswer(invoices: FakeInvoice[], form: URLSearchParams) {
  const status = form.get('status');
  const matching = invoices.filter((i) => !status || i.status === status);
  const start = Number(form.get('limitstart') ?? 0);
  const rows = matching.slice(start, start + Number(form.get('limitnum') ?? 25));

  return HttpResponse.json({
    result: 'success',
    totalresults: matching.length,
    startnumber: start,
    numreturned: rows.length,
    invoices: { invoice: rows.map(row) },
  });
}

/** GetInvoice of the one asked for, with its balance; WHMCS's error for any other. */
export function getInvoiceAnswer(invoices: FakeInvoice[], form: URLSearchParams) {
  const invoice = invoices.find((i) => i.id === Number(form.get('invoiceid')));
  if (!invoice)
    return HttpResponse.json({ result: 'error', message: 'Invoice ID Not Found' });
  const { id, ...fields } = row(invoice);

  return HttpResponse.json({
    result: 'success',
    invoiceid: id,
    ...fields,
    balance: invoice.balance ?? invoice.total,
    notes: '',
    items: { item: [] },
    transactions: '',
  });
}
