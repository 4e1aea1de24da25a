import 'server-only';
import { cache } from 'react';
import { catalog } from '@/lib/whmcs/catalog-cache';
import { WhmcsRefusedError } from '@/lib/whmcs/errors';
import { schemas } from '@/lib/whmcs/schemas';
import * as scope from '@/lib/whmcs/scope';
import { getService } from '@/lib/whmcs/services';
import { call } from '@/lib/whmcs/transport';
import type {
  Attachment,
  Department,
  NewTicket,
  OpenedTicket,
  Page,
  Ticket,
  TicketSummary,
} from '@/lib/whmcs/types';

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

// Writes. Each one reads first what it acts on through the getters above, so
// another client's ticket or service fails as not found before anything is
// sent; none is ever retried (allowlist.ts). Messages go with `markdown` on:
// the portal's composer says Markdown may be used, and WHMCS then formats them
// the same way in its own views and e-mails.

/** WHMCS's message when OpenTicket names a department it does not have. */
export const UNKNOWN_DEPARTMENT = 'Department ID not found';

/**
 * Ticket files as WHMCS takes them (docs/whmcs.md, ticket writes and files): base64
 * of a JSON array of `{name, data}`, each `data` the file's bytes in base64.
 * Undefined without files, so the parameter is left out.
 */
export function encodeAttachments(files: readonly Attachment[]): string | undefined {
  if (files.length === 0) return undefined;
  const list = files.map((f) => ({
    name: f.name,
    data: Buffer.from(f.data).toString('base64'),
  }));

  return Buffer.from(JSON.stringify(list), 'utf8').toString('base64');
}

/**
 * Opens a ticket on the client's account, written by `userId` (the signed-in
 * user, so WHMCS names the right person). The department must be one WHMCS
 * lists, and a related service must be the client's own.
 */
export async function openTicket(
  clientId: number,
  userId: number,
  draft: NewTicket,
): Promise<OpenedTicket> {
  scope.assertClientId(clientId);
  scope.assertId('userId', userId);
  if (draft.serviceId !== undefined) await getService(clientId, draft.serviceId);
  const departments = await listDepartments();
  if (!departments.some((d) => d.id === draft.departmentId)) {
    throw new WhmcsRefusedError('OpenTicket', 'department not listed', {
      whmcsMessage: UNKNOWN_DEPARTMENT,
    });
  }
  const params = {
    clientid: clientId,
    userid: userId,
    deptid: draft.departmentId,
    subject: draft.subject,
    message: draft.message,
    priority: draft.priority,
    serviceid: draft.serviceId,
    markdown: true,
    attachments: encodeAttachments(draft.attachments),
  };

  return call('OpenTicket', params, schemas.OpenTicket);
}

/**
 * Adds the signed-in user's reply to one of the client's tickets. WHMCS
 * documents `userid` for OpenTicket only; it is sent here too, and a WHMCS
 * that ignores it records the reply as the client's (docs/decisions.md).
 */
export async function replyToTicket(
  clientId: number,
  userId: number,
  ticketId: number,
  reply: { message: string; attachments: readonly Attachment[] },
): Promise<Ticket> {
  scope.assertId('userId', userId);
  const ticket = await getTicket(clientId, ticketId);
  const params = {
    ticketid: ticketId,
    clientid: clientId,
    userid: userId,
    message: reply.message,
    markdown: true,
    attachments: encodeAttachments(reply.attachments),
  };
  await call('AddTicketReply', params, schemas.AddTicketReply);

  return ticket;
}

/** Closes one of the client's tickets; one already closed is left alone. Returns it as read. */
export async function closeTicket(clientId: number, ticketId: number): Promise<Ticket> {
  const ticket = await getTicket(clientId, ticketId);
  if (ticket.status === 'Closed') return ticket;
  await call(
    'UpdateTicket',
    { ticketid: ticketId, status: 'Closed' },
    schemas.UpdateTicket,
  );

  return ticket;
}
