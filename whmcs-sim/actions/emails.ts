import type { Email } from '../model';
import { contains, failure, int, paginate, success, text, type Handler } from '../wire';

// GetEmails: the client's email log, newest first, nested `emails.email`, with
// the nulls and zeroes of the official example. `message` is the whole HTML
// document as it was sent, hostile markup and all: showing it safely is the
// caller's job.

function emailRow(email: Email) {
  return {
    id: email.id,
    userid: email.clientId,
    subject: email.subject,
    message: email.message,
    date: email.date,
    to: email.to,
    cc: email.cc,
    bcc: email.bcc,
    attachments: null,
    pending: 0,
    message_data: null,
    failed: 0,
    failure_reason: '',
    retry_count: 0,
    created_at: null,
    updated_at: null,
    campaign_id: 0,
  };
}

export const getEmails: Handler = (params, ctx) => {
  const clientId = int(params, 'clientid');
  if (!ctx.state.clients.some((c) => c.id === clientId))
    return failure('Client ID Not Found');

  const date = text(params, 'date');
  const subject = text(params, 'subject');
  const rows = ctx.state.emails
    .filter((e) => e.clientId === clientId)
    .filter((e) => !date || e.date.startsWith(date))
    .filter((e) => !subject || contains(e.subject, subject))
    .toSorted((a, b) => b.id - a.id);
  const page = paginate(rows, params);

  return success({
    totalresults: page.total,
    startnumber: page.start,
    numreturned: page.rows.length,
    emails: { email: page.rows.map(emailRow) },
  });
};
