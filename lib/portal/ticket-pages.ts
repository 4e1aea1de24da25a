import 'server-only';
import { store } from '@/lib/store';

// Where opening a ticket sends the customer, and what the ticket page reads
// back to say it was opened. The address carries a marker, but anyone can put
// that into a link, so the action also leaves a short note under the session:
// the page says "opened" only when both are there.

/** The query parameter that says a ticket was just opened. */
export const OPENED_PARAM = 'opened';

/** How long after opening the ticket's page may say so. */
const NOTE_SECONDS = 10 * 60;

const noteName = (sid: string, ticketId: number) => `ticket-opened:${sid}:${ticketId}`;

/** The new ticket's page, saying it was opened (the notice names its number). */
export function openedTicketHref(ticketId: number): string {
  return `/tickets/${ticketId}?${OPENED_PARAM}=1`;
}

/** Notes that this session just opened the ticket; a lost note only loses the notice. */
export async function noteOpened(sid: string, ticketId: number): Promise<void> {
  await store()
    .counters.remember(noteName(sid, ticketId), '1', NOTE_SECONDS)
    .catch(() => undefined);
}

/** Whether the page was reached right after this session opened the ticket. */
export async function justOpened(
  query: Record<string, string | string[] | undefined>,
  sid: string,
  ticketId: number,
): Promise<boolean> {
  if (query[OPENED_PARAM] !== '1') return false;
  const note = await store()
    .counters.recall(noteName(sid, ticketId))
    .catch(() => null);

  return note !== null;
}
