import type { Ticket, TicketMessage } from './model-billing';
import type { TicketStatus } from './model';
import { DEPARTMENTS, STAFF } from './seed-catalog';
import { daysFromNow, type SeedContext } from './seed-kit';
import { nextReplyId } from './state';
import { addDays, ymdHms } from './util';

export type TicketSpec = {
  deptId: number;
  subject: string;
  status: TicketStatus;
  ageDays: number;
  /** Alternating conversation: the customer opens, staff answer, and so on. */
  messages: string[];
  priority?: Ticket['priority'];
  /** A user id other than the owner's: the ticket is opened by an authorised user. */
  byUserId?: number;
  flag?: number;
  service?: string;
  note?: string;
  attachment?: string;
};

/** Six random digits, unique among the tickets (WHMCS's default ticket mask). */
export function ticketNumber(ctx: Pick<SeedContext, 'rng' | 'state'>): string {
  for (;;) {
    const tid = ctx.rng.chars(6, '0123456789');
    if (tid[0] !== '0' && !ctx.state.tickets.some((t) => t.tid === tid)) return tid;
  }
}

export function accessKey(ctx: Pick<SeedContext, 'rng'>): string {
  return ctx.rng.chars(8, 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789');
}

function requestor(ctx: SeedContext, clientId: number, byUserId?: number) {
  const users = ctx.state.users;
  const user = byUserId
    ? users.find((u) => u.id === byUserId)
    : users.find((u) => u.links.some((l) => l.clientId === clientId && l.isOwner));
  if (!user) throw new Error(`no user for client ${clientId}`);
  const type: TicketMessage['requestorType'] = byUserId ? 'Authorized User' : 'Owner';

  return {
    name: `${user.firstname} ${user.lastname}`,
    email: user.email,
    requestorType: type,
  };
}

export function addTicket(ctx: SeedContext, clientId: number, spec: TicketSpec): Ticket {
  const person = requestor(ctx, clientId, spec.byUserId);
  const staff = ctx.rng.pick(STAFF);
  let at = daysFromNow(ctx, -spec.ageDays - ctx.rng.int(0, 300) / 1440);
  const opened = ymdHms(at);
  let replyId = nextReplyId(ctx.state) - 1;
  const noteId = ctx.state.tickets.reduce((n, t) => n + t.notes.length, 0) + 1;
  const messages = spec.messages.map((text, i): TicketMessage => {
    if (i > 0)
      at = addDays(
        at,
        Math.min(spec.ageDays / spec.messages.length, ctx.rng.int(1, 20) / 24),
      );
    const fromStaff = i % 2 === 1;
    const base = {
      id: i === 0 ? 0 : (replyId += 1),
      date: ymdHms(at),
      message: text,
      attachment: '',
    };
    if (fromStaff)
      return { ...base, requestorType: 'Operator', name: '', email: '', admin: staff };

    return { ...base, ...person, admin: '' };
  });
  if (spec.attachment && messages[0]) messages[0].attachment = spec.attachment;

  const ticket: Ticket = {
    id: ctx.state.tickets.length + 1,
    tid: ticketNumber(ctx),
    c: accessKey(ctx),
    deptId: spec.deptId,
    clientId,
    ...person,
    cc: '',
    date: opened,
    subject: spec.subject,
    status: spec.status,
    priority: spec.priority ?? 'Medium',
    admin: '',
    lastreply: messages.at(-1)?.date ?? opened,
    flag: spec.flag ?? 0,
    service: spec.service ?? '',
    messages,
    notes: spec.note
      ? [{ id: noteId, date: opened, message: spec.note, admin: staff }]
      : [],
  };
  ctx.state.tickets.push(ticket);

  return ticket;
}

export function seedDepartments(ctx: SeedContext): void {
  ctx.state.departments.push(...DEPARTMENTS.map((d) => ({ ...d })));
}
