import 'server-only';
import { z } from 'zod';
import { paging, toPage, type Owned } from '@/lib/whmcs/schemas/common';
import type { EmailMessage } from '@/lib/whmcs/types';
import { date, id, nested, optText } from '@/lib/whmcs/wire';

// UpdateClient echoes the client id as a string; ResetPassword answers with
// `result` alone; GetEmails nests `emails.email`, each `message` a whole HTML
// document, `to` as "Name <address>", with nulls for unset columns
// (docs/whmcs.md, "Contact details, the email log and password resets").

export const updateClientAnswer = z
  .object({ clientid: id })
  .transform((wire) => ({ clientId: wire.clientid }));

export const resetPasswordAnswer = z
  .object({})
  .transform(() => ({ sent: true as const }));

const emailRow = z
  .object({
    id,
    userid: id,
    subject: optText,
    message: optText,
    date,
    to: optText,
    cc: optText,
  })
  .transform((wire): Owned<EmailMessage> => ({
    ownerId: wire.userid,
    value: {
      id: wire.id,
      subject: wire.subject,
      sentAt: wire.date,
      to: wire.to,
      cc: wire.cc,
      html: wire.message,
    },
  }));

export const getEmailsAnswer = z
  .object({ ...paging, emails: nested('email', emailRow) })
  .transform((wire, ctx) => toPage(wire, wire.emails, ctx));
