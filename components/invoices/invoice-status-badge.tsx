import type { InvoiceStatus } from '@/lib/whmcs/types';
import { StatusBadge } from '@/components/status-badge';
import { invoiceStatusLabel } from './invoice-status';

type Props = { invoice: { status: InvoiceStatus; dueOn: Date | null } };

/** An invoice's status pill, "Overdue" by the same rule on every page. */
export function InvoiceStatusBadge({ invoice }: Props) {
  return <StatusBadge status={invoiceStatusLabel(invoice)} />;
}
