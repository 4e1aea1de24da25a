import 'server-only';
import { z } from 'zod';
import { paging, toPage, type Owned } from '@/lib/whmcs/schemas/common';
import type {
  Department,
  OpenedTicket,
  Ticket,
  TicketMessage,
  TicketSummary,
} from '@/lib/whmcs/types';
import { date, id, int, isRecord, list, nested, optText, text } from '@/lib/whmcs/wire';

// GetTickets, GetTicket, GetSupportDepartments: string ids, nested lists.
// A ticket's owner is `userid` (a client id; 0 for a guest's ticket).

const summaryFields = {
  tid: text,
  deptid: id,
  userid: int,
  subject: optText,
  status: text,
  priority: optText,
  date,
  lastreply: date,
};

const ticketRow = z
  .object({ id, ...summaryFields })
  .transform((wire): Owned<TicketSummary> => ({
    ownerId: wire.userid,
    value: {
      id: wire.id,
      number: wire.tid,
      departmentId: wire.deptid,
      subject: wire.subject,
      status: wire.status,
      priority: wire.priority,
      openedAt: wire.date,
      lastReplyAt: wire.lastreply,
    },
  }));

export const getTicketsAnswer = z
  .object({ ...paging, tickets: nested('ticket', ticketRow) })
  .transform((wire, ctx) => toPage(wire, wire.tickets, ctx));

// A reply without attachments lists `[[]]` in the docs' example: keep named ones only.
const attachmentNames = list(z.unknown()).transform((items) =>
  items.flatMap((a) =>
    isRecord(a) && typeof a.filename === 'string' ? [a.filename] : [],
  ),
);

const reply = z
  .object({
    replyid: int,
    requestor_type: optText,
    requestor_name: optText,
    name: optText,
    admin: optText,
    date,
    message: optText,
    attachments: attachmentNames,
  })
  .transform((wire): TicketMessage => ({
    id: wire.replyid,
    author: wire.requestor_name || wire.admin || wire.name,
    fromStaff: wire.requestor_type.toLowerCase() === 'operator' || wire.admin !== '',
    postedAt: wire.date,
    text: wire.message.replace(/\r\n?/g, '\n'),
    attachments: wire.attachments,
  }));

/**
 * GetTicket. There is no separate message field: the opening message is the
 * reply with `replyid` "0" (docs/whmcs.md#ticket-opening-message-as-reply-0),
 * which is put first.
 */
export const getTicketAnswer = z
  .object({
    ticketid: id,
    ...summaryFields,
    deptname: optText,
    replies: nested('reply', reply),
  })
  .transform((wire): Ticket => ({
    id: wire.ticketid,
    number: wire.tid,
    departmentId: wire.deptid,
    subject: wire.subject,
    status: wire.status,
    priority: wire.priority,
    openedAt: wire.date,
    lastReplyAt: wire.lastreply,
    clientId: wire.userid,
    departmentName: wire.deptname,
    messages: wire.replies.toSorted((a, b) => Number(a.id !== 0) - Number(b.id !== 0)),
  }));

const department = z
  .object({ id, name: text })
  .transform((wire): Department => ({ id: wire.id, name: wire.name }));

/** GetSupportDepartments: `departments.department[]`; only `totalresults` for paging. */
export const getSupportDepartmentsAnswer = z
  .object({ departments: nested('department', department) })
  .transform((wire) => wire.departments);

/** OpenTicket: the new ticket's id, its public number and access key `c` (not kept). */
export const openTicketAnswer = z
  .object({ id, tid: text })
  .transform((wire): OpenedTicket => ({ id: wire.id, number: wire.tid }));

/** AddTicketReply answers with `result` only (docs/whmcs.md, ticket writes and files). */
export const addTicketReplyAnswer = z.object({}).transform(() => true as const);

/** UpdateTicket echoes the ticket's id. */
export const updateTicketAnswer = z
  .object({ ticketid: id })
  .transform((wire) => ({ ticketId: wire.ticketid }));
