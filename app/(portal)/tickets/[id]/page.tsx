import type { Metadata } from 'next';
import { requireCustomer } from '@/lib/auth/guards';
import { justOpened } from '@/lib/portal/ticket-pages';
import { getTicket } from '@/lib/whmcs/support';
import type { Ticket } from '@/lib/whmcs/types';
import { BackLink, Card, PageHeader } from '@/components/card';
import { DetailList } from '@/components/detail-list';
import { formatDate, formatDateTime } from '@/components/format';
import { recordTitle } from '@/components/record-title';
import { parseId, type SearchParams } from '@/components/route-params';
import { orNotFound, Section, settle } from '@/components/section';
import { StatusBadge } from '@/components/status-badge';
import { Conversation } from '@/components/tickets/conversation';
import { CloseTicketForm, ReplyForm } from '@/components/tickets/ticket-forms';
import { ticketStatusLabel } from '@/components/tickets/ticket-status';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return recordTitle(params, 'tickets', getTicket, (t) => t.subject, 'Support ticket');
}

// Awaited before anything streams, so an unknown or foreign id answers a real 404.
export default async function TicketPage({ params, searchParams }: Props) {
  const session = await requireCustomer('tickets');
  const id = parseId((await params).id);
  // Arrived here from the new-ticket form (lib/portal/ticket-actions.ts).
  const opened = await justOpened(await searchParams, session.sid, id);
  const load = await orNotFound(settle('ticket', getTicket(session.clientId, id)));
  const ticket = load.ok ? load.value : null;

  return (
    <div className="page">
      <BackLink href="/tickets">All tickets</BackLink>
      <PageHeader title={ticket?.subject ?? 'Support ticket'}>
        {ticket ? (
          <p className="header-meta">
            <StatusBadge
              status={ticket.status}
              label={ticketStatusLabel(ticket.status)}
            />
            <span>Ticket #{ticket.number}</span>
          </p>
        ) : null}
      </PageHeader>
      {opened ? (
        <p className="notice" role="status">
          {/* The ticket number customers quote, never WHMCS's internal id. */}
          {ticket ? `Ticket #${ticket.number} opened.` : 'Your ticket was opened.'} We
          will answer here and by email.
        </p>
      ) : null}
      {/* Loaded already, so drawn in the first HTML rather than streamed: the
          conversation, the reply box and the close question work without
          JavaScript. Only a failure goes through the section's message. */}
      {ticket ? (
        <TicketDetails ticket={ticket} />
      ) : (
        <Section what="support ticket" load={load} retryHref={`/tickets/${id}`}>
          {(details) => <TicketDetails ticket={details} />}
        </Section>
      )}
    </div>
  );
}

function TicketDetails({ ticket }: { ticket: Ticket }) {
  return (
    <div className="stack">
      <Card title="Details">
        <DetailList
          items={[
            { term: 'Department', value: ticket.departmentName },
            { term: 'Priority', value: ticket.priority },
            { term: 'Opened', value: formatDate(ticket.openedAt) },
            { term: 'Last update', value: formatDateTime(ticket.lastReplyAt) },
          ]}
        />
      </Card>
      <Card title="Conversation">
        {ticket.messages.length > 0 ? (
          <Conversation messages={ticket.messages} />
        ) : (
          <p className="muted">This ticket has no messages yet.</p>
        )}
      </Card>
      <Card title="Reply">
        <ReplyForm ticketId={ticket.id} closed={ticket.status === 'Closed'} />
      </Card>
      {ticket.status === 'Closed' ? null : (
        <Card title="Close this ticket">
          <CloseTicketForm ticketId={ticket.id} number={ticket.number} />
        </Card>
      )}
    </div>
  );
}
