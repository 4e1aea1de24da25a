import 'server-only';
import { listDepartments } from '@/lib/whmcs/support';
import { settle } from '@/components/section';

/** Department names by id; without them the list just leaves the column blank. */
export async function departmentNames(): Promise<ReadonlyMap<number, string>> {
  const departments = await settle('departments', listDepartments());
  if (!departments.ok) return new Map();

  return new Map(departments.value.map((d) => [d.id, d.name]));
}
