import 'server-only';
import { z } from 'zod';
import { checkAttachments, isFileLike, type FileLike } from '@/lib/portal/attachments';
import { TICKET_FILES } from '@/lib/portal/file-rules';
import { joinProblems } from '@/lib/portal/form-state';
import { recordId } from '@/lib/portal/record-id';
import { MESSAGE_MAX, SUBJECT_MAX } from '@/lib/portal/ticket-limits';
import { UNKNOWN_DEPARTMENT } from '@/lib/whmcs/support';
import { TICKET_PRIORITIES } from '@/lib/whmcs/types';

// What the ticket forms may send (lib/portal/ticket-actions.ts), as strict
// schemas with the words a customer reads when a field is wrong. A field the
// form does not have fails the schema, so nothing is sent.

const required = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .max(max, `Keep ${what} to ${max.toLocaleString('en')} characters or fewer.`);

const chosen = (what: string) => recordId(`Choose ${what}.`);

/** The files of a form, checked by count, size, type and contents, ready for WHMCS. */
export const attachments = z
  .array(
    z.custom<FileLike>(isFileLike, 'Attach files with the file field.'),
    'Attach files with the file field.',
  )
  .transform(async (files, ctx) => {
    const checked = await checkAttachments(files, TICKET_FILES);
    if (checked.ok) return checked.files;
    // One message for the field, a line per refused file (lib/portal/form-state.ts).
    ctx.issues.push({
      code: 'custom',
      message: joinProblems(checked.problems),
      input: files.length,
    });
    return z.NEVER;
  });

export const openInput = z
  .object({
    departmentId: chosen('a department'),
    priority: z.enum(TICKET_PRIORITIES, 'Choose a priority.'),
    serviceId: z
      .union(
        [z.literal(''), chosen('a service from the list')],
        'Choose a service from the list.',
      )
      .optional()
      .transform((v) => (v === '' ? undefined : v)),
    subject: required('a subject', SUBJECT_MAX),
    message: required('your message', MESSAGE_MAX),
    attachments,
  })
  .strict();

export const replyInput = z
  .object({
    ticketId: chosen('a ticket'),
    message: required('your reply', MESSAGE_MAX),
    attachments,
  })
  .strict();

export const closeInput = z.object({ ticketId: chosen('a ticket') }).strict();

export const OPEN_FIELDS = [
  'departmentId',
  'priority',
  'serviceId',
  'subject',
  'message',
  'attachments',
] as const;

/** WHMCS's word for a department it does not have, in the customer's words. */
export const departmentRefusal = (whmcsMessage: string | undefined) =>
  whmcsMessage?.toLowerCase() === UNKNOWN_DEPARTMENT.toLowerCase()
    ? 'Please choose one of the departments in the list.'
    : undefined;
