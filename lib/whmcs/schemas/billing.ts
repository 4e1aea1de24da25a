import 'server-only';
import { z } from 'zod';
import { currencyOf, paging, toPage, type Owned } from '@/lib/whmcs/schemas/common';
import {
  INVOICE_STATUSES,
  type Invoice,
  type InvoiceItem,
  type InvoiceSummary,
  type Payment,
  type Transaction,
} from '@/lib/whmcs/types';
import { gatewayName } from '@/lib/whmcs/names';
import { date, flag, id, int, money, nested, optText, text } from '@/lib/whmcs/wire';

// GetInvoices and GetInvoice: int ids, money as decimal strings, zero dates,
// nested `invoices.invoice` / `items.item`, and an empty `transactions` sent
// as "" (all in docs/whmcs.md). An invoice without its own number shows its
// id; gateways arrive as module codes and leave as names.

const status = z.enum(INVOICE_STATUSES);

const invoiceRow = z
  .object({
    id,
    userid: id,
    invoicenum: optText,
    date,
    duedate: date,
    datepaid: date,
    subtotal: money,
    credit: money,
    tax: money,
    total: money,
    status,
    paymentmethod: optText,
    currencycode: optText,
    currencyprefix: z.string().optional(),
    currencysuffix: z.string().optional(),
  })
  .transform((wire): Owned<InvoiceSummary> => ({
    ownerId: wire.userid,
    value: {
      id: wire.id,
      number: wire.invoicenum || String(wire.id),
      issuedOn: wire.date,
      dueOn: wire.duedate,
      paidOn: wire.datepaid,
      subtotal: wire.subtotal,
      credit: wire.credit,
      tax: wire.tax,
      total: wire.total,
      status: wire.status,
      paymentMethod: gatewayName(wire.paymentmethod),
      currency: wire.currencycode
        ? currencyOf(wire.currencycode, wire.currencyprefix, wire.currencysuffix)
        : null,
    },
  }));

export const getInvoicesAnswer = z
  .object({ ...paging, invoices: nested('invoice', invoiceRow) })
  .transform((wire, ctx) => toPage(wire, wire.invoices, ctx));

const item = z
  .object({ id, type: optText, description: optText, amount: money, taxed: flag })
  .transform((wire): InvoiceItem => wire);

const transaction = z
  .object({
    id,
    date,
    gateway: optText,
    transid: optText,
    amountin: money,
    amountout: money,
    fees: money,
  })
  .transform((wire): Transaction => ({
    id: wire.id,
    date: wire.date,
    gateway: gatewayName(wire.gateway),
    transactionId: wire.transid,
    amountIn: wire.amountin,
    amountOut: wire.amountout,
    fees: wire.fees,
  }));

export const getInvoiceAnswer = z
  .object({
    invoiceid: id,
    userid: int,
    invoicenum: optText,
    date,
    duedate: date,
    datepaid: date,
    subtotal: money,
    credit: money,
    tax: money,
    tax2: money,
    total: money,
    balance: money,
    taxrate: text,
    taxrate2: text,
    status,
    paymentmethod: optText,
    notes: optText,
    items: nested('item', item),
    transactions: nested('transaction', transaction),
  })
  .transform((wire): Invoice => ({
    id: wire.invoiceid,
    clientId: wire.userid,
    number: wire.invoicenum || String(wire.invoiceid),
    issuedOn: wire.date,
    dueOn: wire.duedate,
    paidOn: wire.datepaid,
    subtotal: wire.subtotal,
    credit: wire.credit,
    tax: wire.tax,
    tax2: wire.tax2,
    taxRate: wire.taxrate,
    taxRate2: wire.taxrate2,
    total: wire.total,
    balance: wire.balance,
    status: wire.status,
    paymentMethod: gatewayName(wire.paymentmethod),
    notes: wire.notes,
    items: wire.items,
    transactions: wire.transactions,
  }));

// GetTransactions with `clientid`: every payment and refund recorded for the
// client, in one answer. Only what an invoice's balance needs is kept; the
// row's `userid` is its owner, checked like any list's. `invoiceid` is 0 for a
// transaction that pays no invoice (added funds, say).
const payment = z
  .object({ id, userid: id, invoiceid: int, amountin: money, amountout: money })
  .transform((wire): Owned<Payment> => ({
    ownerId: wire.userid,
    value: {
      id: wire.id,
      invoiceId: wire.invoiceid,
      amountIn: wire.amountin,
      amountOut: wire.amountout,
    },
  }));

export const getTransactionsAnswer = z
  .object({ ...paging, transactions: nested('transaction', payment) })
  .transform((wire, ctx) => toPage(wire, wire.transactions, ctx));
