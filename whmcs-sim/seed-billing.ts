import type { Invoice, InvoiceItem } from './model-billing';
import type { Domain, InvoiceStatus, Service } from './model';
import { GATEWAYS, PRODUCTS } from './seed-catalog';
import { daysFromNow, type SeedContext } from './seed-kit';
import { addDays, addMonths, dmy, ymd, ymdHms, ZERO_DATETIME } from './util';

export type InvoiceSpec = {
  status: InvoiceStatus;
  /** Invoice date relative to the seed's now, in days (negative = past). */
  dateDays: number;
  /** Days from the invoice date to the due date. */
  termDays?: number;
  items: Omit<InvoiceItem, 'id'>[];
  gateway?: string;
  /** For an unpaid invoice: a part already paid, so the balance is below the total. */
  partialCents?: number;
};

export function serviceItem(service: Service, start: Date): Omit<InvoiceItem, 'id'> {
  const product = PRODUCTS.find((p) => p.id === service.productId);
  const name = product?.name ?? 'Service';
  const cents = service.recurringCents || service.firstPaymentCents;
  const period =
    product?.cycle === 'One Time'
      ? ''
      : ` (${dmy(start)} - ${dmy(addDays(addMonths(start, 1), -1))})`;

  return {
    type: 'Hosting',
    relid: service.id,
    description: `${name} - ${service.domain}${period}`,
    amountCents: cents,
    taxed: false,
  };
}

export function domainItem(domain: Domain, start: Date): Omit<InvoiceItem, 'id'> {
  const end = addDays(addMonths(start, 12 * domain.regperiod), -1);
  const term = `${domain.regperiod} Year/s (${dmy(start)} - ${dmy(end)})`;
  const description = `Domain Renewal - ${domain.name} - ${term}`;

  return {
    type: 'Domain',
    relid: domain.id,
    description,
    amountCents: domain.recurringCents,
    taxed: false,
  };
}

function nextItemId(ctx: SeedContext): number {
  return ctx.state.invoices.reduce((n, inv) => n + inv.items.length, 0) + 1;
}

function addPayment(ctx: SeedContext, invoice: Invoice, cents: number, at: Date): number {
  const id = 5000 + ctx.state.transactions.length + 1;
  const fees = invoice.gateway === 'banktransfer' ? 0 : Math.round(cents * 0.029) + 30;
  ctx.state.transactions.push({
    id,
    clientId: invoice.clientId,
    invoiceId: invoice.id,
    gateway: invoice.gateway,
    date: ymdHms(at),
    description: 'Invoice Payment',
    amountInCents: cents,
    feesCents: fees,
    amountOutCents: 0,
    transid: ctx.rng.chars(22, '0123456789abcdef'),
    refundId: 0,
  });

  return id;
}

function addRefund(
  ctx: SeedContext,
  invoice: Invoice,
  paymentId: number,
  cents: number,
  at: Date,
): void {
  ctx.state.transactions.push({
    id: 5000 + ctx.state.transactions.length + 1,
    clientId: invoice.clientId,
    invoiceId: invoice.id,
    gateway: invoice.gateway,
    date: ymdHms(at),
    description: `Refund of Transaction ID ${paymentId}`,
    amountInCents: 0,
    feesCents: 0,
    amountOutCents: cents,
    transid: ctx.rng.chars(22, '0123456789abcdef'),
    refundId: paymentId,
  });
}

export function addInvoice(
  ctx: SeedContext,
  clientId: number,
  spec: InvoiceSpec,
): Invoice {
  const date = daysFromNow(ctx, spec.dateDays);
  const due = addDays(date, spec.termDays ?? 7);
  const paidAt = addDays(date, ctx.rng.int(0, spec.termDays ?? 7));
  const firstItem = nextItemId(ctx);
  const invoice: Invoice = {
    id: 1000 + ctx.state.invoices.length + 1,
    clientId,
    invoicenum: '',
    date: ymd(date),
    duedate: ymd(due),
    datepaid: ZERO_DATETIME,
    dateRefunded: ZERO_DATETIME,
    dateCancelled: ZERO_DATETIME,
    status: spec.status,
    gateway: spec.gateway ?? ctx.rng.pick(Object.keys(GATEWAYS)),
    notes: '',
    creditCents: 0,
    items: spec.items.map((item, i) => ({ ...item, id: firstItem + i })),
    createdAt: ymdHms(addDays(date, 0.3)),
    updatedAt: ymdHms(addDays(date, 0.3)),
  };
  ctx.state.invoices.push(invoice);
  settle(ctx, invoice, spec, paidAt);

  return invoice;
}

/** Adds the payments, refunds and dates that the invoice's status implies. */
function settle(
  ctx: SeedContext,
  invoice: Invoice,
  spec: InvoiceSpec,
  paidAt: Date,
): void {
  const total = invoice.items.reduce((sum, item) => sum + item.amountCents, 0);
  if (spec.status === 'Paid' || spec.status === 'Refunded') {
    const paymentId = addPayment(ctx, invoice, total, paidAt);
    invoice.datepaid = ymdHms(paidAt);
    const serial = String(invoice.id).padStart(5, '0');
    invoice.invoicenum = `KH-${paidAt.getUTCFullYear()}-${serial}`;
    invoice.updatedAt = invoice.datepaid;
    if (spec.status === 'Refunded') {
      const refundedAt = addDays(paidAt, 4);
      addRefund(ctx, invoice, paymentId, total, refundedAt);
      invoice.dateRefunded = ymdHms(refundedAt);
      invoice.updatedAt = invoice.dateRefunded;
    }
  }
  if (spec.status === 'Cancelled') {
    invoice.dateCancelled = ymdHms(addDays(paidAt, 2));
    invoice.updatedAt = invoice.dateCancelled;
  }
  if (spec.partialCents) addPayment(ctx, invoice, spec.partialCents, paidAt);
}
