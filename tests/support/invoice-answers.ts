import { HttpResponse } from 'msw';

// GetInvoices, GetInvoice and GetTransactions answers shaped like the official
// examples, for fakes that answer by status, by invoice id and by client.

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

type FakePayment = {
  invoiceId: number;
  amountIn?: string;
  amountOut?: string;
  userid?: number;
};

/**
 * GetTransactions for the client: by default one payment per part-paid
 * invoice (its total less its balance), plus any `extra` rows. `cut` drops
 * rows from the answer while totalresults still counts them.
 */
export function getTransactionsAnswer(
  invoices: FakeInvoice[],
  form: URLSearchParams,
  { extra = [], cut = 0 }: { extra?: FakePayment[]; cut?: number } = {},
) {
  const clientId = Number(form.get('clientid'));
  const paid: FakePayment[] = invoices
    .filter((i) => i.balance !== undefined && i.balance !== i.total)
    .map((i) => ({
      invoiceId: i.id,
      amountIn: (Number(i.total) - Number(i.balance)).toFixed(2),
      userid: i.userid,
    }));
  const rows = [...paid, ...extra].map((p, n) => ({
    id: String(500 + n),
    userid: String(p.userid ?? clientId),
    currency: '0',
    gateway: 'paypal',
    date: '2026-10-02 06:41:11',
    description: 'Invoice Payment',
    amountin: p.amountIn ?? '0.00',
    fees: '0.00',
    amountout: p.amountOut ?? '0.00',
    rate: '1.00000',
    transid: `tx${n}`,
    invoiceid: String(p.invoiceId),
    refundid: '0',
  }));
  const shown = rows.slice(0, rows.length - cut);

  return HttpResponse.json({
    result: 'success',
    totalresults: rows.length,
    startnumber: 0,
    numreturned: shown.length,
    transactions: { transaction: shown },
  });
}
