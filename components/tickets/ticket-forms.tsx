import 'server-only';
import { randomUUID } from 'node:crypto';
import {
  ActionForm,
  FileField,
  SelectField,
  TextArea,
  TextField,
} from '@/components/forms/action-form';
import { TICKET_FILES } from '@/lib/portal/file-rules';
import {
  closeTicketAction,
  openTicketAction,
  replyToTicketAction,
} from '@/lib/portal/ticket-actions';
import { MESSAGE_MAX, SUBJECT_MAX } from '@/lib/portal/ticket-limits';
import { TICKET_PRIORITIES, type Department, type Service } from '@/lib/whmcs/types';

// The ticket forms. Each rendering hands out a fresh submission key, so a
// double click, a retried request or a resubmitted form posts once.

const MARKDOWN_HINT =
  'You can use Markdown: **bold**, *italic*, `code`, lists and links.';

type NewTicketProps = {
  departments: readonly Department[];
  /** The client's services to relate the ticket to; null when the login may not see them. */
  services: readonly Service[] | null;
};

export function NewTicketForm({ departments, services }: NewTicketProps) {
  return (
    <ActionForm
      action={openTicketAction}
      submission={randomUUID()}
      submitLabel="Open ticket"
      resetOnDone
    >
      <SelectField
        name="departmentId"
        label="Department"
        required
        defaultValue={String(departments[0]?.id ?? '')}
        options={departments.map((d) => ({ value: String(d.id), label: d.name }))}
      />
      <SelectField
        name="priority"
        label="Priority"
        defaultValue="Medium"
        options={TICKET_PRIORITIES.map((p) => ({ value: p, label: p }))}
      />
      {services ? (
        <SelectField
          name="serviceId"
          label="Related service (optional)"
          options={[
            { value: '', label: 'None' },
            ...services.map((s) => ({
              value: String(s.id),
              label: s.domain ? `${s.productName} – ${s.domain}` : s.productName,
            })),
          ]}
        />
      ) : null}
      <TextField name="subject" label="Subject" required maxLength={SUBJECT_MAX} />
      <TextArea
        name="message"
        label="Message"
        hint={MARKDOWN_HINT}
        required
        rows={10}
        maxLength={MESSAGE_MAX}
      />
      <FileField name="attachments" label="Attachments (optional)" rules={TICKET_FILES} />
    </ActionForm>
  );
}

export function ReplyForm({ ticketId, closed }: { ticketId: number; closed: boolean }) {
  return (
    <ActionForm
      action={replyToTicketAction}
      submission={randomUUID()}
      submitLabel={closed ? 'Send and reopen' : 'Send reply'}
      resetOnDone
      hidden={{ ticketId }}
    >
      <TextArea
        name="message"
        label="Your reply"
        hint={
          closed
            ? `This ticket is closed; replying opens it again. ${MARKDOWN_HINT}`
            : MARKDOWN_HINT
        }
        required
        rows={6}
        maxLength={MESSAGE_MAX}
      />
      <FileField name="attachments" label="Attachments (optional)" rules={TICKET_FILES} />
    </ActionForm>
  );
}

/**
 * Closing asks first: the button opens the question, and only its answer
 * closes the ticket, so a stray click changes nothing.
 */
export function CloseTicketForm({
  ticketId,
  number,
}: {
  ticketId: number;
  number: string;
}) {
  return (
    <ActionForm
      action={closeTicketAction}
      submission={randomUUID()}
      submitLabel="Yes, close this ticket"
      hidden={{ ticketId }}
      className="action-form action-form-inline"
      confirm={{
        label: 'Close ticket…',
        question: `Close ticket #${number}? We will take it that you need no further answer. You can still reply later; a reply opens it again.`,
      }}
    >
      <p className="muted">Solved? Closing tells us no answer is needed.</p>
    </ActionForm>
  );
}
