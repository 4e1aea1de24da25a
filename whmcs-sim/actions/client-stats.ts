import { invoiceBalance, invoiceTotal, isOverdue } from '../billing-math';
import type { Invoice } from '../model-billing';
import type { Client } from '../model';
import { usd } from '../util';
import type { ActionContext } from '../wire';

const ACTIVE_TICKET = ['Open', 'Answered', 'Customer-Reply', 'On Hold', 'In Progress'];

/** The `stats` block of GetClientsDetails: counts as ints, money as "$x.xx USD". */
export function clientStats(ctx: ActionContext, client: Client) {
  const { state } = ctx;
  const invoices = state.invoices.filter((i) => i.clientId === client.id);
  const overdue = invoices.filter((i) => isOverdue(i, ctx.clock()));
  const byStatus = (status: Invoice['status']) =>
    invoices.filter((i) => i.status === status);
  const balance = (list: Invoice[]) =>
    usd(list.reduce((s, i) => s + invoiceBalance(state, i), 0));
  const total = (list: Invoice[]) => usd(list.reduce((s, i) => s + invoiceTotal(i), 0));
  const payments = state.transactions.filter((t) => t.clientId === client.id);
  const gross = payments.reduce((s, t) => s + t.amountInCents, 0);
  const expenses = payments.reduce((s, t) => s + t.feesCents + t.amountOutCents, 0);
  const unpaid = byStatus('Unpaid');

  return {
    numdueinvoices: unpaid.length,
    dueinvoicesbalance: balance(unpaid),
    incredit: client.creditCents > 0,
    creditbalance: usd(client.creditCents),
    grossRevenue: usd(gross),
    expenses: usd(expenses),
    income: usd(gross - expenses),
    numoverdueinvoices: overdue.length,
    overdueinvoicesbalance: balance(overdue),
    numDraftInvoices: byStatus('Draft').length,
    draftInvoicesBalance: total(byStatus('Draft')),
    numunpaidinvoices: unpaid.length,
    unpaidinvoicesamount: balance(unpaid),
    numpaidinvoices: byStatus('Paid').length,
    paidinvoicesamount: total(byStatus('Paid')),
    numcancelledinvoices: byStatus('Cancelled').length,
    cancelledinvoicesamount: total(byStatus('Cancelled')),
    numrefundedinvoices: byStatus('Refunded').length,
    refundedinvoicesamount: total(byStatus('Refunded')),
    numcollectionsinvoices: byStatus('Collections').length,
    collectionsinvoicesamount: total(byStatus('Collections')),
    numpaymentpendinginvoices: byStatus('Payment Pending').length,
    paymentpendinginvoicesamount: total(byStatus('Payment Pending')),
    ...productStats(ctx, client),
    numacceptedquotes: 0,
    numquotes: 0,
    numtickets: state.tickets.filter((t) => t.clientId === client.id).length,
    numactivetickets: state.tickets.filter(
      (t) => t.clientId === client.id && ACTIVE_TICKET.includes(t.status),
    ).length,
    numaffiliatesignups: 0,
    isAffiliate: false,
  };
}

function productStats({ state }: ActionContext, client: Client) {
  const services = state.services.filter((s) => s.clientId === client.id);
  const kindOf = (productId: number) =>
    state.products.find((p) => p.id === productId)?.kind;
  const count = (kind: string | null, activeOnly: boolean) =>
    services.filter(
      (s) =>
        (kind === null || kindOf(s.productId) === kind) &&
        (!activeOnly || s.status === 'Active'),
    ).length;
  const domains = state.domains.filter((d) => d.clientId === client.id);

  return {
    productsnumactivehosting: count('hosting', true),
    productsnumhosting: count('hosting', false),
    productsnumactivereseller: 0,
    productsnumreseller: 0,
    productsnumactiveservers: count('server', true),
    productsnumservers: count('server', false),
    productsnumactiveother: count('other', true),
    productsnumother: count('other', false),
    productsnumactive: count(null, true),
    productsnumtotal: count(null, false),
    numactivedomains: domains.filter((d) => d.status === 'Active').length,
    numdomains: domains.length,
  };
}
