import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Domain, InvoiceSummary, TicketSummary } from '@/lib/whmcs/types';
import {
  amountDue,
  daysUntil,
  expiringDomains,
  isOverdue,
  openTickets,
} from '@/components/dashboard/select';

const NOW = new Date('2026-12-04T16:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function domain(id: number, expires: string | null, status = 'Active'): Domain {
  return {
    id,
    name: `d${id}.example`,
    status,
    expiresOn: expires ? day(expires) : null,
  } as Domain;
}

function invoice(total: string, due: string | null): InvoiceSummary {
  return {
    id: 1,
    total,
    dueOn: due ? day(due) : null,
    status: 'Unpaid',
  } as InvoiceSummary;
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('expiringDomains', () => {
  it('keeps held domains expiring from today to 30 days out, soonest first', () => {
    const domains = [
      domain(1, '2027-01-03'),
      domain(2, '2027-01-04'),
      domain(3, '2026-12-04'),
      domain(4, '2026-12-03'),
      domain(5, '2026-12-10', 'Cancelled'),
      domain(6, null),
      domain(7, '2026-12-20', 'Grace'),
    ];

    const ids = expiringDomains(domains, 30).map((d) => d.id);

    expect(ids).toEqual([3, 7, 1]);
  });
});

describe('daysUntil', () => {
  it('counts whole UTC days', () => {
    expect([daysUntil(day('2026-12-04')), daysUntil(day('2026-12-05'))]).toEqual([0, 1]);
  });
});

describe('unpaid invoices', () => {
  it('sums the amounts due exactly', () => {
    const invoices = [
      invoice('0.10', null),
      invoice('0.20', null),
      invoice('173.00', null),
    ];

    expect(amountDue(invoices)).toBe('173.30');
  });

  it('calls an invoice overdue only after its due day', () => {
    expect(isOverdue(invoice('1.00', '2026-12-03'))).toBe(true);
    expect(isOverdue(invoice('1.00', '2026-12-04'))).toBe(false);
    expect(isOverdue(invoice('1.00', null))).toBe(false);
  });
});

describe('openTickets', () => {
  it('keeps every status but Closed', () => {
    const tickets = ['Open', 'Closed', 'On Hold', 'Customer-Reply'].map(
      (status, id) => ({ id, status }) as TicketSummary,
    );

    const open = openTickets(tickets);

    expect(open.map((t) => t.status)).toEqual(['Open', 'On Hold', 'Customer-Reply']);
  });
});
