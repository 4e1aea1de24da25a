import type { Ticket, TicketMessage } from '../model-billing';

export const AWAITING_REPLY = ['Open', 'Customer-Reply'];
export const ACTIVE = ['Open', 'Answered', 'Customer-Reply', 'On Hold', 'In Progress'];

// Attachments are kept as "123456_name.png|..." and listed by index. With none,
// the docs' GetTicket example shows `[[]]` (a PHP empty array in a list).
export function attachmentList(attachment: string) {
  if (!attachment) return [[]];

  return attachment.split('|').map((stored, index) => ({
    filename: stored.replace(/^\d+_/, ''),
    index,
  }));
}

function requestor(message: TicketMessage) {
  if (message.requestorType === 'Operator') {
    return { name: '', email: '', requestor_name: message.admin, requestor_email: '' };
  }

  return {
    name: message.name,
    email: message.email,
    requestor_name: message.name,
    requestor_email: message.email,
  };
}

/** One entry of GetTicket's `replies.reply`; the opening message is reply "0". */
export function replyRow(ticket: Ticket, message: TicketMessage) {
  const row = {
    replyid: String(message.id),
    userid: String(ticket.clientId),
    contactid: '0',
    ...requestor(message),
    requestor_type: message.requestorType,
    date: message.date,
    message: message.message,
    attachment: message.attachment,
    attachments: attachmentList(message.attachment),
    attachments_removed: false,
    admin: message.admin,
  };

  // The example's opening message has no `rating`; every later reply has one.
  return message.id === 0 ? row : { ...row, rating: '0' };
}

export function ticketRow(ticket: Ticket, ownerName: string) {
  const attachment = ticket.messages[0]?.attachment ?? '';

  return {
    id: String(ticket.id),
    tid: ticket.tid,
    deptid: String(ticket.deptId),
    userid: String(ticket.clientId),
    name: ticket.name,
    owner_name: ownerName,
    email: ticket.email,
    requestor_name: ticket.name,
    requestor_email: ticket.email,
    requestor_type: ticket.requestorType,
    cc: ticket.cc,
    c: ticket.c,
    date: ticket.date,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    admin: ticket.admin,
    attachment,
    attachments: attachmentList(attachment),
    attachments_removed: false,
    lastreply: ticket.lastreply,
    flag: String(ticket.flag),
    service: ticket.service,
  };
}
