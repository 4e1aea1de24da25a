import 'server-only';
import { cache } from 'react';
import { schemas } from '@/lib/whmcs/schemas';
import * as scope from '@/lib/whmcs/scope';
import { call } from '@/lib/whmcs/transport';
import type {
  CustomerInvoiceStatus,
  Invoice,
  InvoiceStatus,
  InvoiceSummary,
  Page,
  Payment,
} from '@/lib/whmcs/types';

// The message WHMCS gives for a missing invoice; another client's invoice gets
// the very same error, so the two cannot be told apart.
const MISSING = 'Invoice ID Not Found';

export type InvoiceQuery = scope.PageRequest & {
  status?: CustomerInvoiceStatus;
  orderBy?: 'id' | 'invoicenumber' | 'date' | 'duedate' | 'total' | 'status';
  order?: 'asc' | 'desc';
};

const listOnce = cache(
  async (
    clientId: number,
    offset: number,
    limit: number,
    status?: InvoiceStatus,
    orderby?: string,
    order?: string,
  ): Promise<Page<InvoiceSummary>> => {
    scope.assertClientId(clientId);
    const params = {
      userid: clientId,
      limitstart: offset,
      limitnum: limit,
      status,
      orderby,
      order,
    };
    const page = await call('GetInvoices', params, schemas.GetInvoices);

    return scope.ownedPage('GetInvoices', clientId, page);
  },
);

/**
 * One page of the client's invoices, optionally of one status, never a draft.
 * WHMCS hides drafts from clients but has no "all but Draft" filter: an
 * unfiltered page is asked for beside a count of drafts, which still hold
 * places in WHMCS's paging (`positions`) while leaving the customer's total.
 */
export async function listInvoices(
  clientId: number,
  query: InvoiceQuery = {},
): Promise<Page<InvoiceSummary>> {
  const [offset, limit] = scope.pageArgs(query);
  const { status, orderBy, order } = query;
  if (status) return listOnce(clientId, offset, limit, status, orderBy, order);

  const [page, drafts] = await Promise.all([
    listOnce(clientId, offset, limit, undefined, orderBy, order),
    listOnce(clientId, 0, 1, 'Draft'),
  ]);

  return withoutDrafts(page, drafts.total);
}

export function withoutDrafts(
  page: Page<InvoiceSummary>,
  drafts: number,
): Page<InvoiceSummary> {
  const items = page.items.filter((invoice) => invoice.status !== 'Draft');
  if (drafts === 0) return { ...page, items };

  return {
    items,
    total: Math.max(0, page.total - drafts),
    offset: page.offset,
    positions: page.total,
  };
}

/** One of the client's published invoices with items and transactions. */
export const getInvoice = cache(
  async (clientId: number, invoiceId: number): Promise<Invoice> => {
    scope.assertClientId(clientId);
    scope.assertRecordId('GetInvoice', invoiceId, MISSING);
    const invoice = await call(
      'GetInvoice',
      { invoiceid: invoiceId },
      schemas.GetInvoice,
    );
    const row = { ownerId: invoice.clientId, value: invoice };
    const owned = scope.ownedRecord('GetInvoice', clientId, invoiceId, row, MISSING);
    // A draft is not the client's to see yet: it reads exactly like a missing one.
    if (owned.status === 'Draft') throw scope.notFound('GetInvoice', MISSING);

    return owned;
  },
);

/**
 * Every transaction WHMCS holds for the client, in one call: GetTransactions
 * takes no paging. `total` is what WHMCS counted, so a caller can tell a
 * complete answer from one cut short.
 */
export const listPayments = cache(async (clientId: number): Promise<Page<Payment>> => {
  scope.assertClientId(clientId);
  const page = await call(
    'GetTransactions',
    { clientid: clientId },
    schemas.GetTransactions,
  );

  return scope.ownedPage('GetTransactions', clientId, page);
});
