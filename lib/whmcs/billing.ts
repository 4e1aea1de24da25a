import 'server-only';
import { cache } from 'react';
import { schemas } from '@/lib/whmcs/schemas';
import * as scope from '@/lib/whmcs/scope';
import { call } from '@/lib/whmcs/transport';
import type { Invoice, InvoiceStatus, InvoiceSummary, Page } from '@/lib/whmcs/types';

// The message WHMCS gives for a missing invoice; another client's invoice gets
// the very same error, so the two cannot be told apart.
const MISSING = 'Invoice ID Not Found';

export type InvoiceQuery = scope.PageRequest & {
  status?: InvoiceStatus;
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

/** One page of the client's invoices, optionally of one status. */
export function listInvoices(
  clientId: number,
  query: InvoiceQuery = {},
): Promise<Page<InvoiceSummary>> {
  const [offset, limit] = scope.pageArgs(query);
  return listOnce(clientId, offset, limit, query.status, query.orderBy, query.order);
}

/** One of the client's invoices with items and transactions. */
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

    return scope.ownedRecord('GetInvoice', clientId, invoiceId, row, MISSING);
  },
);
