import type { Page, TicketSummary } from '@/lib/whmcs/types';
import { EmptyState } from '@/components/empty-state';
import { formatDate, plural } from '@/components/format';
import { StatusBadge } from '@/components/status-badge';
import { openTickets, SHOWN } from './select';
import { ItemList, Stat } from './item-list';

export function OpenTickets({ tickets }: { tickets: Page<TicketSummary> }) {
  const open = openTickets(tickets.items);
  if (open.length === 0) {
    return (
      <EmptyState title="No open tickets">
        <p>When you contact support, your conversations appear here.</p>
      </EmptyState>
    );
  }

  return (
    <>
      <Stat label="Open" value={plural(open.length, 'ticket')} />
      <ItemList
        label="Open tickets"
        items={open.slice(0, SHOWN).map((ticket) => ({
          key: ticket.id,
          href: `/tickets/${ticket.id}`,
          title: ticket.subject,
          meta: `#${ticket.number} · updated ${formatDate(ticket.lastReplyAt ?? ticket.openedAt)}`,
          aside: <StatusBadge status={ticket.status} />,
        }))}
      />
    </>
  );
}
