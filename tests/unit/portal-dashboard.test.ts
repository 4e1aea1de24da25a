import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Domain, TicketSummary } from '@/lib/whmcs/types';
import {
  activeTickets,
  daysUntil,
  domainsNeedingAttention,
  expiringDomains,
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

describe('domainsNeedingAttention', () => {
  it('adds lapsed domains (Grace, Redemption, Expired) whatever their date', () => {
    const domains = [
      domain(1, '2027-01-03'),
      domain(2, '2026-11-29', 'Grace'),
      domain(3, '2026-10-01', 'Redemption'),
      domain(4, '2026-06-01', 'Expired'),
      domain(5, '2026-12-10', 'Cancelled'),
      domain(6, '2027-06-01'),
      domain(7, null, 'Expired'),
    ];

    const ids = domainsNeedingAttention(domains, 30).map((d) => d.id);

    expect(ids).toEqual([4, 3, 2, 1, 7]);
  });

  it('leaves out domains ended for good and those renewing later', () => {
    const domains = [
      domain(1, '2026-12-10', 'Cancelled'),
      domain(2, '2026-12-10', 'Transferred Away'),
      domain(3, '2027-02-01'),
    ];

    expect(domainsNeedingAttention(domains, 30)).toEqual([]);
  });
});

describe('daysUntil', () => {
  it('counts whole UTC days', () => {
    expect([daysUntil(day('2026-12-04')), daysUntil(day('2026-12-05'))]).toEqual([0, 1]);
  });
});

describe('activeTickets', () => {
  it('keeps every status but Closed', () => {
    const tickets = ['Open', 'Closed', 'On Hold', 'Customer-Reply'].map(
      (status, id) => ({ id, status }) as TicketSummary,
    );

    const active = activeTickets(tickets);

    expect(active.map((t) => t.status)).toEqual(['Open', 'On Hold', 'Customer-Reply']);
  });
});
