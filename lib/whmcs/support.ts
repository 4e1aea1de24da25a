import 'server-only';
import { cache } from 'react';
import { catalog } from '@/lib/whmcs/catalog-cache';
import { schemas } from '@/lib/whmcs/schemas';
import * as scope from '@/lib/whmcs/scope';
import { call } from '@/lib/whmcs/transport';
import type { Department, Page, Ticket, TicketSummary } from '@/lib/whmcs/types';

const MISSING = 'Ticket ID Not Found';

export type TicketQuery = scope.PageRequest & { status?: string };

const listOnce = cache(
  async (
    clientId: number,
    offset: number,
    limit: number,
    status?: string,
  ): Promise<Page<TicketSummary>> => {
    scope.assertClientId(clientId);
    // Without the flag WHMCS hides tickets of departments the API admin is
    // not assigned to (docs/whmcs.md#tickets-hidden-by-department); a customer
    // must see all of theirs.
    const params = {
      clientid: clientId,
      ignore_dept_assignments: true,
      limitstart: offset,
      limitnum: limit,
      status,
    };
    const page = await call('GetTickets', params, schemas.GetTickets);

    return scope.ownedPage('GetTickets', clientId, page);
  },
);

/** One page of the client's tickets, optionally of one status. */
export function listTickets(
  clientId: number,
  query: TicketQuery = {},
): Promise<Page<TicketSummary>> {
  const [offset, limit] = scope.pageArgs(query);
  return listOnce(clientId, offset, limit, query.status);
}

/** One of the client's tickets with its messages, the opening message first. */
export const getTicket = cache(
  async (clientId: number, ticketId: number): Promise<Ticket> => {
    scope.assertClientId(clientId);
    scope.assertRecordId('GetTicket', ticketId, MISSING);
    const ticket = await call('GetTicket', { ticketid: ticketId }, schemas.GetTicket);
    const row = { ownerId: ticket.clientId, value: ticket };

    return scope.ownedRecord('GetTicket', clientId, ticketId, row, MISSING);
  },
);

/** The departments a ticket can be opened in; the same for everyone, so shared briefly. */
export const listDepartments = cache(async (): Promise<Department[]> => {
  const params = { ignore_dept_assignments: true };
  return catalog('GetSupportDepartments', params, () =>
    call('GetSupportDepartments', params, schemas.GetSupportDepartments),
  );
});
