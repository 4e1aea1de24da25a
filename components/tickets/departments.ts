import 'server-only';
import { listDepartments } from '@/lib/whmcs/support';
import { settle } from '@/components/section';

/** Department names by id; without them the list just leaves the column blank. */
export async function departmentNames(): Promise<ReadonlyMap<number, string>> {
  const departments = await settle('departments', listDepartments());
  if (!departments.ok) return new Map();

  return new Map(departments.value.map((d) => [d.id, d.name]));
}

/** The filter choices: WHMCS's own groupings first, then its default statuses. */
export const TICKET_FILTERS = [
  { value: 'All Active Tickets', label: 'All open tickets' },
  { value: 'Awaiting Reply', label: 'Waiting for support' },
  { value: 'Open', label: 'Open' },
  { value: 'Answered', label: 'Answered' },
  { value: 'Customer-Reply', label: 'Customer-Reply' },
  { value: 'On Hold', label: 'On Hold' },
  { value: 'In Progress', label: 'In Progress' },
  { value: 'Closed', label: 'Closed' },
] as const;
