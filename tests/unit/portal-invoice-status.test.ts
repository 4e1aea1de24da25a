import { describe, expect, it } from 'vitest';
import type { InvoiceStatus } from '@/lib/whmcs/types';
import { invoiceStatusLabel, isOverdue } from '@/components/invoices/invoice-status';

// One rule for "Overdue" on the dashboard, the invoice list and the invoice page.

const NOW = Date.parse('2026-12-04T16:00:00Z');
const invoice = (status: InvoiceStatus, due: string | null) => ({
  status,
  dueOn: due ? new Date(`${due}T00:00:00Z`) : null,
});

describe('isOverdue', () => {
  it('calls an unpaid invoice overdue only after its due day', () => {
    expect(isOverdue(invoice('Unpaid', '2026-12-03'), NOW)).toBe(true);
    expect(isOverdue(invoice('Unpaid', '2026-12-04'), NOW)).toBe(false);
    expect(isOverdue(invoice('Unpaid', null), NOW)).toBe(false);
  });

  it('never calls a settled or handed-on invoice overdue', () => {
    const statuses: InvoiceStatus[] = ['Paid', 'Cancelled', 'Refunded', 'Collections'];

    const overdue = statuses.map((s) => isOverdue(invoice(s, '2026-01-01'), NOW));

    expect(overdue).toEqual([false, false, false, false]);
  });
});

describe('invoiceStatusLabel', () => {
  it('reads "Overdue" for an unpaid invoice past due, its status otherwise', () => {
    expect(invoiceStatusLabel(invoice('Unpaid', '2026-11-21'), NOW)).toBe('Overdue');
    expect(invoiceStatusLabel(invoice('Unpaid', '2026-12-18'), NOW)).toBe('Unpaid');
    expect(invoiceStatusLabel(invoice('Collections', '2026-08-13'), NOW)).toBe(
      'Collections',
    );
  });

  it('takes the current time when none is given', () => {
    expect(invoiceStatusLabel(invoice('Unpaid', '2000-01-01'))).toBe('Overdue');
  });
});
