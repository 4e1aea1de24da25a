import type { Ticket } from '../model-billing';
import { ownerOf, type SimState } from '../state';
import {
  contains,
  failure,
  flag,
  int,
  paginate,
  success,
  text,
  type ActionContext,
  type Handler,
} from '../wire';
import { ACTIVE, AWAITING_REPLY, replyRow, ticketRow } from './ticket-view';

function visibleDepartments(params: URLSearchParams, ctx: ActionContext) {
  const all = flag(params, 'ignore_dept_assignments');

  return ctx.state.departments.filter((d) => all || ctx.departments.includes(d.id));
}

function statusMatches(ticket: Ticket, status: string, ctx: ActionContext): boolean {
  const wanted = status.toLowerCase();
  if (wanted === 'awaiting reply') return AWAITING_REPLY.includes(ticket.status);
  if (wanted === 'all active tickets') return ACTIVE.includes(ticket.status);
  if (wanted === 'my flagged tickets')
    return ticket.flag === ctx.adminId && ACTIVE.includes(ticket.status);

  return ticket.status.toLowerCase() === wanted;
}

function ownerName(state: SimState, ticket: Ticket): string {
  const owner = ownerOf(state, ticket.clientId);

  return owner ? `${owner.firstname} ${owner.lastname}` : ticket.name;
}

// Tickets in departments the API admin is not assigned to are left out unless
// `ignore_dept_assignments` is set. Newest activity first.
export const getTickets: Handler = (params, ctx) => {
  const deptIds = visibleDepartments(params, ctx).map((d) => d.id);
  const clientId = int(params, 'clientid');
  const deptId = int(params, 'deptid');
  const email = text(params, 'email');
  const subject = text(params, 'subject');
  const status = text(params, 'status');
  const matches = ctx.state.tickets.filter(
    (t) =>
      deptIds.includes(t.deptId) &&
      (clientId === undefined || t.clientId === clientId) &&
      (deptId === undefined || t.deptId === deptId) &&
      (email === undefined || t.email.toLowerCase() === email.toLowerCase()) &&
      (subject === undefined || contains(t.subject, subject)) &&
      (status === undefined || statusMatches(t, status, ctx)),
  );
  const ordered = [...matches].sort(
    (a, b) => b.lastreply.localeCompare(a.lastreply) || b.id - a.id,
  );
  const page = paginate(ordered, params);

  return success({
    totalresults: String(page.total),
    startnumber: page.start,
    numreturned: page.rows.length,
    tickets: { ticket: page.rows.map((t) => ticketRow(t, ownerName(ctx.state, t))) },
  });
};

export const getTicket: Handler = (params, ctx) => {
  const id = int(params, 'ticketid');
  const tid = text(params, 'ticketnum');
  const ticket = ctx.state.tickets.find((t) =>
    id !== undefined ? t.id === id : t.tid === tid,
  );
  if (!ticket) return failure('Ticket ID Not Found');

  const department = ctx.state.departments.find((d) => d.id === ticket.deptId);
  const replies = ticket.messages.map((m) => replyRow(ticket, m));
  if (text(params, 'repliessort')?.toUpperCase() === 'DESC') replies.reverse();

  return success({
    ticketid: String(ticket.id),
    tid: ticket.tid,
    c: ticket.c,
    deptid: String(ticket.deptId),
    deptname: department?.name ?? '',
    userid: String(ticket.clientId),
    contactid: '0',
    name: ticket.name,
    email: ticket.email,
    cc: ticket.cc,
    date: ticket.date,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    admin: ticket.admin,
    lastreply: ticket.lastreply,
    flag: String(ticket.flag),
    service: ticket.service,
    replies: { reply: replies },
    // Staff-only notes: WHMCS returns them to any API caller.
    notes: {
      note: ticket.notes.map((n) => ({
        noteid: String(n.id),
        date: n.date,
        message: n.message,
        attachment: '',
        attachments: [[]],
        attachments_removed: false,
        admin: n.admin,
      })),
    },
  });
};

export const getSupportDepartments: Handler = (params, ctx) => {
  const departments = visibleDepartments(params, ctx);
  const count = (deptId: number, statuses: string[]) =>
    String(
      ctx.state.tickets.filter((t) => t.deptId === deptId && statuses.includes(t.status))
        .length,
    );

  return success({
    totalresults: departments.length,
    departments: {
      department: departments.map((d) => ({
        id: String(d.id),
        name: d.name,
        awaitingreply: count(d.id, AWAITING_REPLY),
        opentickets: count(d.id, ACTIVE),
      })),
    },
  });
};
