// Ticket statuses in the customer's words. WHMCS names them from its staff's
// side: "Customer-Reply" means the customer wrote last and support owes the
// next answer. The WHMCS value stays the filter's value; only the text changes.

const LABELS: Readonly<Record<string, string>> = {
  'Customer-Reply': 'Awaiting support',
  'On Hold': 'On hold',
  'In Progress': 'In progress',
};

/** The words a customer reads for a status; admins' own statuses pass unchanged. */
export function ticketStatusLabel(status: string): string {
  return LABELS[status] ?? status;
}

const STATUSES = [
  'Open',
  'Answered',
  'Customer-Reply',
  'On Hold',
  'In Progress',
  'Closed',
];

/**
 * The filter choices: every ticket not closed, then WHMCS's default statuses,
 * each once and labelled as its badge reads. WHMCS's "Awaiting Reply" group
 * (Open and Customer-Reply together) is left out: beside "Awaiting support"
 * it would read as the same choice twice.
 */
export const TICKET_FILTERS: readonly { value: string; label: string }[] = [
  { value: 'All Active Tickets', label: 'All active tickets' },
  ...STATUSES.map((value) => ({ value, label: ticketStatusLabel(value) })),
];
