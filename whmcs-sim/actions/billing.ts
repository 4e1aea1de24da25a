import {
  invoiceBalance,
  invoicePayments,
  invoiceTotal,
  isOverdue,
} from '../billing-math';
import type { Invoice, Transaction } from '../model-billing';
import type { SimState } from '../state';
import { money, ZERO_DATETIME } from '../util';
import { failure, int, paginate, success, text, type Handler } from '../wire';
import { sortInvoices } from './invoice-order';

const amounts = (invoice: Invoice) => {
  const total = invoiceTotal(invoice);

  return {
    subtotal: money(total),
    credit: money(invoice.creditCents),
    tax: '0.00',
    tax2: '0.00',
    total: money(total - invoice.creditCents),
  };
};

function invoiceRow(state: SimState, invoice: Invoice) {
  const client = state.clients.find((c) => c.id === invoice.clientId);

  return {
    id: invoice.id,
    userid: invoice.clientId,
    firstname: client?.firstname ?? '',
    lastname: client?.lastname ?? '',
    companyname: client?.companyname ?? '',
    invoicenum: invoice.invoicenum,
    date: invoice.date,
    duedate: invoice.duedate,
    datepaid: invoice.datepaid,
    last_capture_attempt: ZERO_DATETIME,
    date_refunded: invoice.dateRefunded,
    date_cancelled: invoice.dateCancelled,
    ...amounts(invoice),
    taxrate: '0.000',
    taxrate2: '0.000',
    status: invoice.status,
    paymentmethod: invoice.gateway,
    paymethodid: null,
    notes: invoice.notes,
    created_at: invoice.createdAt,
    updated_at: invoice.updatedAt,
    currencycode: 'USD',
    currencyprefix: '$',
    currencysuffix: ' USD',
  };
}

// `status` takes any invoice status plus "Overdue" (Unpaid and past its due date).
export const getInvoices: Handler = (params, ctx) => {
  const clientId = int(params, 'userid');
  const status = text(params, 'status')?.toLowerCase();
  const today = ctx.clock();
  const matches = ctx.state.invoices.filter(
    (i) =>
      (clientId === undefined || i.clientId === clientId) &&
      (status === undefined ||
        (status === 'overdue' ? isOverdue(i, today) : i.status.toLowerCase() === status)),
  );
  const ordered = sortInvoices(matches, text(params, 'orderby'), text(params, 'order'));
  const page = paginate(ordered, params);

  return success({
    totalresults: page.total,
    startnumber: page.start,
    numreturned: page.rows.length,
    invoices: { invoice: page.rows.map((i) => invoiceRow(ctx.state, i)) },
  });
};

function transactionRow(t: Transaction) {
  return {
    id: String(t.id),
    userid: String(t.clientId),
    currency: '0',
    gateway: t.gateway,
    date: t.date,
    description: t.description,
    amountin: money(t.amountInCents),
    fees: money(t.feesCents),
    amountout: money(t.amountOutCents),
    rate: '1.00000',
    transid: t.transid,
    invoiceid: String(t.invoiceId),
    refundid: String(t.refundId),
  };
}

// GetTransactions: every transaction matching all the filters given (invoiceid,
// clientid, transid), unpaged as in WHMCS, read from the same records as
// GetInvoice's `transactions` and balance, so the two always agree.
export const getTransactions: Handler = (params, ctx) => {
  const invoiceId = int(params, 'invoiceid');
  const clientId = int(params, 'clientid');
  const transid = text(params, 'transid');
  const rows = ctx.state.transactions.filter(
    (t) =>
      (invoiceId === undefined || t.invoiceId === invoiceId) &&
      (clientId === undefined || t.clientId === clientId) &&
      (transid === undefined || t.transid === transid),
  );

  return success({
    totalresults: rows.length,
    startnumber: 0,
    numreturned: rows.length,
    transactions: { transaction: rows.map(transactionRow) },
  });
};

// An invoice without payments has `"transactions": ""` (example); with payments
// the rows are nested like GetTransactions' `transactions.transaction`.
export const getInvoice: Handler = (params, ctx) => {
  const invoice = ctx.state.invoices.find((i) => i.id === int(params, 'invoiceid'));
  if (!invoice) return failure('Invoice ID Not Found');

  const payments = invoicePayments(ctx.state, invoice);

  return success({
    invoiceid: invoice.id,
    invoicenum: invoice.invoicenum,
    userid: invoice.clientId,
    date: invoice.date,
    duedate: invoice.duedate,
    datepaid: invoice.datepaid,
    lastcaptureattempt: ZERO_DATETIME,
    ...amounts(invoice),
    balance: money(invoiceBalance(ctx.state, invoice)),
    taxrate: '0.000',
    taxrate2: '0.000',
    status: invoice.status,
    paymentmethod: invoice.gateway,
    notes: invoice.notes,
    ccgateway: invoice.gateway === 'stripe',
    items: {
      item: invoice.items.map((item) => ({
        id: item.id,
        type: item.type,
        relid: item.relid,
        description: item.description,
        amount: money(item.amountCents),
        taxed: item.taxed ? 1 : 0,
      })),
    },
    transactions: payments.length ? { transaction: payments.map(transactionRow) } : '',
  });
};
