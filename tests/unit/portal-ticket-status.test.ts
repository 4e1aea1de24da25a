import { describe, expect, it } from 'vitest';
import { TICKET_FILTERS, ticketStatusLabel } from '@/components/tickets/ticket-status';

describe('ticket statuses', () => {
  it('say "Awaiting support" where WHMCS says Customer-Reply', () => {
    expect(ticketStatusLabel('Customer-Reply')).toBe('Awaiting support');
    expect(ticketStatusLabel('Escalated')).toBe('Escalated');
  });

  it('offer each filter once, with no WHMCS code as a label', () => {
    const labels = TICKET_FILTERS.map((f) => f.label);
    const values = TICKET_FILTERS.map((f) => f.value);

    expect(new Set(labels).size).toBe(labels.length);
    expect(new Set(values).size).toBe(values.length);
    expect(labels).not.toContain('Customer-Reply');
    expect(labels).toContain('Awaiting support');
  });
});
