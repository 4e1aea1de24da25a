// Where the ticket actions send the customer, and what the ticket page reads
// back from the address to say what just happened. Shared by the server
// actions (lib/portal/ticket-actions.ts) and the page, so no server-only import.

/** The query parameter that says a ticket was just opened. */
export const OPENED_PARAM = 'opened';

/** The new ticket's page, saying it was opened (the notice names its number). */
export function openedTicketHref(ticketId: number): string {
  return `/tickets/${ticketId}?${OPENED_PARAM}=1`;
}

/** Whether the page was reached right after opening the ticket. */
export function justOpened(query: Record<string, string | string[] | undefined>) {
  return query[OPENED_PARAM] === '1';
}
