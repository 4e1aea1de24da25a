'use server';

import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { customerAction } from '@/lib/portal/customer-action';
import type { FormState } from '@/lib/portal/form-state';
import {
  closeInput,
  departmentRefusal,
  OPEN_FIELDS,
  openInput,
  replyInput,
} from '@/lib/portal/ticket-inputs';
import { noteOpened, openedTicketHref } from '@/lib/portal/ticket-pages';
import { closeTicket, openTicket, replyToTicket } from '@/lib/whmcs/support';

// The customer's ticket actions: open, reply, close. Each needs the WHMCS
// `tickets` right (a non-owner without it gets 403), takes exactly the fields
// of its form (strict schemas), reads the ticket or service it names first
// (another client's is a 404 and nothing is written) and runs once per
// submission key, even when WHMCS's answer to the first try was lost.

export async function openTicketAction(
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  const state = await customerAction(previous, form, {
    action: 'ticket.open',
    permission: 'tickets',
    input: openInput,
    fields: OPEN_FIELDS,
    files: ['attachments'],
    // Naming a service needs the right to see services.
    alsoNeeds: (input) => (input.serviceId === undefined ? undefined : 'products'),
    idempotent: true,
    target: () => 'ticket:new',
    refusal: departmentRefusal,
    run: async (input, session) => {
      const opened = await openTicket(session.clientId, session.userId, {
        departmentId: input.departmentId,
        priority: input.priority,
        subject: input.subject,
        message: input.message,
        serviceId: input.serviceId,
        attachments: input.attachments,
      });
      revalidatePath('/tickets');
      await noteOpened(session.sid, opened.id);

      return {
        message: `Your ticket #${opened.number} is open. We will answer here and by email.`,
        href: openedTicketHref(opened.id),
        note: { ticket: opened.number },
      };
    },
  });
  // The customer goes on to the ticket itself, which says it was opened; a
  // repeat of the submission gets the first answer, so it lands there too.
  if (state.status === 'done' && state.href) redirect(state.href);
  return state;
}

export async function replyToTicketAction(
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  return customerAction(previous, form, {
    action: 'ticket.reply',
    permission: 'tickets',
    input: replyInput,
    fields: ['ticketId', 'message', 'attachments'],
    files: ['attachments'],
    idempotent: true,
    target: (input) => `ticket:${input.ticketId}`,
    run: async (input, session) => {
      const ticket = await replyToTicket(
        session.clientId,
        session.userId,
        input.ticketId,
        {
          message: input.message,
          attachments: input.attachments,
        },
      );
      revalidatePath(`/tickets/${input.ticketId}`);

      return { message: 'Your reply was sent.', note: { ticket: ticket.number } };
    },
  });
}

export async function closeTicketAction(
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  return customerAction(previous, form, {
    action: 'ticket.close',
    permission: 'tickets',
    input: closeInput,
    fields: ['ticketId'],
    idempotent: true,
    target: (input) => `ticket:${input.ticketId}`,
    run: async (input, session) => {
      const ticket = await closeTicket(session.clientId, input.ticketId);
      revalidatePath(`/tickets/${input.ticketId}`);

      return {
        message: 'This ticket is closed. A reply opens it again.',
        note: { ticket: ticket.number },
      };
    },
  });
}
