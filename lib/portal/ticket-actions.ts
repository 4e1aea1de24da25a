'use server';

import { revalidatePath } from 'next/cache';
import { forbidden } from 'next/navigation';
import { can, requireCustomer, type CustomerSession } from '@/lib/auth/guards';
import { customerAction } from '@/lib/portal/customer-action';
import type { FormState } from '@/lib/portal/form-state';
import {
  closeInput,
  departmentRefusal,
  OPEN_FIELDS,
  openInput,
  replyInput,
} from '@/lib/portal/ticket-inputs';
import { closeTicket, openTicket, replyToTicket } from '@/lib/whmcs/support';
import { getUserPermissions } from '@/lib/whmcs/users';

// The customer's ticket actions: open, reply, close. Each needs the WHMCS
// `tickets` right (a non-owner without it gets 403), takes exactly the fields
// of its form (strict schemas), reads the ticket or service it names first
// (another client's is a 404 and nothing is written) and runs once per
// submission key, even when WHMCS's answer to the first try was lost.

/** The `products` right, asked of WHMCS again for a non-owner, as the wrapper does for `tickets`. */
async function maySeeServices(session: CustomerSession): Promise<boolean> {
  if (session.isOwner) return true;
  if (!can(session, 'products')) return false;
  const now = await getUserPermissions(session.userId, session.clientId);
  return now.includes('products');
}

export async function openTicketAction(
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  await requireCustomer('tickets');
  return customerAction(previous, form, {
    action: 'ticket.open',
    permission: 'tickets',
    input: openInput,
    fields: OPEN_FIELDS,
    files: ['attachments'],
    idempotent: true,
    target: () => 'ticket:new',
    refusal: departmentRefusal,
    run: async (input, session) => {
      // Naming a service needs the right to see services.
      if (input.serviceId !== undefined && !(await maySeeServices(session))) forbidden();
      const opened = await openTicket(session.clientId, session.userId, {
        departmentId: input.departmentId,
        priority: input.priority,
        subject: input.subject,
        message: input.message,
        serviceId: input.serviceId,
        attachments: input.attachments,
      });
      revalidatePath('/tickets');

      return {
        message: `Your ticket #${opened.number} is open. We will answer here and by e-mail.`,
        href: `/tickets/${opened.id}`,
      };
    },
  });
}

export async function replyToTicketAction(
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  await requireCustomer('tickets');
  return customerAction(previous, form, {
    action: 'ticket.reply',
    permission: 'tickets',
    input: replyInput,
    fields: ['ticketId', 'message', 'attachments'],
    files: ['attachments'],
    idempotent: true,
    target: (input) => `ticket:${input.ticketId}`,
    run: async (input, session) => {
      await replyToTicket(session.clientId, session.userId, input.ticketId, {
        message: input.message,
        attachments: input.attachments,
      });
      revalidatePath(`/tickets/${input.ticketId}`);

      return { message: 'Your reply was sent.' };
    },
  });
}

export async function closeTicketAction(
  previous: FormState,
  form: FormData,
): Promise<FormState> {
  await requireCustomer('tickets');
  return customerAction(previous, form, {
    action: 'ticket.close',
    permission: 'tickets',
    input: closeInput,
    fields: ['ticketId'],
    idempotent: true,
    target: (input) => `ticket:${input.ticketId}`,
    run: async (input, session) => {
      await closeTicket(session.clientId, input.ticketId);
      revalidatePath(`/tickets/${input.ticketId}`);

      return { message: 'This ticket is closed. A reply opens it again.' };
    },
  });
}
