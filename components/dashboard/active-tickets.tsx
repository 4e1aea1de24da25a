import Link from 'next/link';
import type { Page, TicketSummary } from '@/lib/whmcs/types';
import { EmptyState } from '@/components/empty-state';
import { formatDate, plural } from '@/components/format';
import { StatusBadge } from '@/components/status-badge';
import { ticketStatusLabel } from '@/components/tickets/ticket-status';
import { activeTickets, SHOWN } from './select';
import { ItemList, Stat } from './item-list';

// Every ticket not closed, whoever's turn it is: the card says "Active", the
// same word as the tickets page's filter, so the count and its label agree.
export function ActiveTickets({ tickets }: { tickets: Page<TicketSummary> }) {
  const active = activeTickets(tickets.items);
  const partial = tickets.total > tickets.items.length;
  if (active.length === 0) {
    return (
      <EmptyState title="No active tickets">
        <p>When you contact support, your conversations appear here.</p>
        <p>
          <Link href="/tickets/new">Open a ticket</Link>
        </p>
      </EmptyState>
    );
  }

  return (
    <>
      <Stat
        label="Active"
        value={plural(active.length, 'ticket')}
        note={
          partial
            ? `Counted among the first ${tickets.items.length} of ${tickets.total}`
            : undefined
        }
      />
      <ItemList
        label="Active tickets"
        items={active.slice(0, SHOWN).map((ticket) => ({
          key: ticket.id,
          href: `/tickets/${ticket.id}`,
          title: ticket.subject,
          meta: `#${ticket.number} · updated ${formatDate(ticket.lastReplyAt ?? ticket.openedAt)}`,
          aside: (
            <StatusBadge
              status={ticket.status}
              label={ticketStatusLabel(ticket.status)}
            />
          ),
        }))}
      />
    </>
  );
}
