import { TICKET_STATUSES, type TicketStatus } from '../model';
import type { Ticket, TicketMessage } from '../model-billing';
import { accessKey, ticketNumber } from '../seed-support';
import { nextId, nextReplyId, ownerOf } from '../state';
import { ymdHms } from '../util';
import {
  failure,
  flag,
  int,
  success,
  text,
  type ActionContext,
  type Handler,
} from '../wire';
import { readAttachments } from './ticket-files';

type Person = Pick<TicketMessage, 'name' | 'email' | 'requestorType'>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Who writes: a client's user (the owner unless `userid` names another), or a guest. */
function writer(params: URLSearchParams, ctx: ActionContext): Person | string {
  const clientId = int(params, 'clientid');
  if (clientId !== undefined) {
    if (!ctx.state.clients.some((c) => c.id === clientId)) return 'Client ID Not Found';
    const userId = int(params, 'userid');
    const user =
      userId === undefined
        ? ownerOf(ctx.state, clientId)
        : ctx.state.users.find((u) => u.id === userId);
    // Assumed strict: a user who is not on the client's account is not found.
    const linked = user?.links.some((l) => l.clientId === clientId);
    if (!user || !linked) return 'The system cannot find the provided user ID.';
    const isOwner = user.links.some((l) => l.clientId === clientId && l.isOwner);

    return {
      name: `${user.firstname} ${user.lastname}`,
      email: user.email,
      requestorType: isOwner ? 'Owner' : 'Authorized User',
    };
  }

  const name = text(params, 'name');
  const email = text(params, 'email');
  if (!name || !email) return 'Name and email address are required if not a client';
  if (!EMAIL.test(email)) return 'Email Address Invalid';

  return { name, email, requestorType: 'Guest' };
}

function relatedService(
  params: URLSearchParams,
  ctx: ActionContext,
): string | { error: string } {
  const serviceId = int(params, 'serviceid');
  const domainId = int(params, 'domainid');
  if (serviceId !== undefined) {
    return ctx.state.services.some((s) => s.id === serviceId)
      ? `S${serviceId}`
      : { error: 'Service ID Not Found' };
  }
  if (domainId !== undefined) {
    return ctx.state.domains.some((d) => d.id === domainId)
      ? `D${domainId}`
      : { error: 'Domain ID Not Found' };
  }

  return '';
}

export const openTicket: Handler = (params, ctx) => {
  const person = writer(params, ctx);
  if (typeof person === 'string') return failure(person);
  const deptId = int(params, 'deptid');
  if (!ctx.state.departments.some((d) => d.id === deptId))
    return failure('Department ID not found');
  const subject = text(params, 'subject');
  if (!subject) return failure('Subject is required');
  const message = text(params, 'message');
  if (!message) return failure('Message is required');
  const service = relatedService(params, ctx);
  if (typeof service !== 'string') return failure(service.error);
  const files = readAttachments(params, ctx);
  if (typeof files === 'string') return failure(files);

  const now = ymdHms(ctx.clock());
  const priority =
    ['Low', 'Medium', 'High'].find((p) => p === text(params, 'priority')) ?? 'Medium';
  const opening: TicketMessage = {
    id: 0,
    ...person,
    admin: '',
    date: now,
    message,
    ...files,
  };
  const ticket: Ticket = {
    id: nextId(ctx.state.tickets),
    tid: ticketNumber(ctx),
    c: accessKey(ctx),
    deptId: deptId ?? 0,
    clientId: int(params, 'clientid') ?? 0,
    ...person,
    cc: '',
    date: now,
    subject,
    status: 'Open',
    priority: priority as Ticket['priority'],
    admin: '',
    lastreply: now,
    flag: 0,
    service,
    messages: [opening],
    notes: [],
  };
  ctx.state.tickets.push(ticket);

  return success({ id: String(ticket.id), tid: ticket.tid, c: ticket.c });
};

function replier(params: URLSearchParams, ctx: ActionContext): Person | string {
  const admin = text(params, 'adminusername');
  if (admin && int(params, 'clientid') === undefined)
    return { name: admin, email: '', requestorType: 'Operator' };

  return writer(params, ctx);
}

// A customer's reply sets Customer-Reply and a staff reply Answered, unless
// `status` says otherwise. The result is `result` only.
export const addTicketReply: Handler = (params, ctx) => {
  const ticket = ctx.state.tickets.find((t) => t.id === int(params, 'ticketid'));
  if (!ticket) return failure('Ticket ID not found');
  const message = text(params, 'message');
  if (!message) return failure('Message is required');
  const person = replier(params, ctx);
  if (typeof person === 'string') return failure(person);
  const status = text(params, 'status');
  if (status && !TICKET_STATUSES.some((s) => s === status))
    return failure('Invalid Ticket Status');
  const files = readAttachments(params, ctx);
  if (typeof files === 'string') return failure(files);

  const isStaff = person.requestorType === 'Operator';
  const now = ymdHms(ctx.clock());
  ticket.messages.push({
    id: nextReplyId(ctx.state),
    ...person,
    name: isStaff ? '' : person.name,
    admin: isStaff ? person.name : '',
    date: now,
    message,
    ...files,
  });
  ticket.status =
    (status as TicketStatus | undefined) ?? (isStaff ? 'Answered' : 'Customer-Reply');
  ticket.lastreply = now;

  return success();
};

const PRIORITIES = ['Low', 'Medium', 'High'] as const;

// Changes the fields it is given and answers with the ticket's id. Supported:
// deptid, status, subject, priority, flag and removeFlag; the rest of the
// documented fields (userid, name, email, cc, created, message, customfields,
// preventClientClosure) are accepted and ignored (README: departures).
export const updateTicket: Handler = (params, ctx) => {
  const ticket = ctx.state.tickets.find((t) => t.id === int(params, 'ticketid'));
  if (!ticket) return failure('Ticket ID Not Found');
  const deptId = int(params, 'deptid');
  if (deptId !== undefined && !ctx.state.departments.some((d) => d.id === deptId))
    return failure('Department ID Not Found');
  const priority = text(params, 'priority');
  if (priority !== undefined && !PRIORITIES.some((p) => p === priority))
    return failure(
      `Invalid Ticket Priority. Valid priorities are: ${PRIORITIES.join(',')}`,
    );
  const status = text(params, 'status');
  if (status !== undefined && !TICKET_STATUSES.some((s) => s === status))
    return failure(
      `Invalid Ticket Status. Valid statuses are: ${TICKET_STATUSES.join(',')}`,
    );

  if (deptId !== undefined) ticket.deptId = deptId;
  if (priority !== undefined) ticket.priority = priority as Ticket['priority'];
  if (status !== undefined) ticket.status = status as TicketStatus;
  const subject = text(params, 'subject');
  if (subject !== undefined) ticket.subject = subject;
  const flagTo = int(params, 'flag');
  if (flagTo !== undefined) ticket.flag = flagTo;
  if (flag(params, 'removeFlag')) ticket.flag = 0;

  return success({ ticketid: String(ticket.id) });
};
