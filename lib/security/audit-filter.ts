import 'server-only';
import { z } from 'zod';
import type { AuditFilter } from '@/lib/store/types';

// The audit trail's filters as they arrive in the security view's query
// string: actor, action and a date range (UTC days). Empty fields mean "any".

const blank = (v: unknown) => (v === '' || Array.isArray(v) ? undefined : v);
const field = <T extends z.ZodType>(type: T) => z.preprocess(blank, type.optional());

const filterInput = z.object({
  actor: field(
    z
      .string()
      .trim()
      .max(64)
      .regex(/^[\w.:-]+$/),
  ),
  action: field(
    z
      .string()
      .trim()
      .max(64)
      .regex(/^[\w.:-]+$/),
  ),
  from: field(z.iso.date()),
  to: field(z.iso.date()),
});

export type AuditQuery = z.output<typeof filterInput>;

export const AUDIT_PAGE = 100;

const DAY = 86_400;
const epoch = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000);

/** The filter for the store, plus what the form shows back; `valid` false shows a notice. */
export function parseAuditQuery(params: Record<string, string | string[] | undefined>): {
  query: AuditQuery;
  filter: AuditFilter;
  valid: boolean;
} {
  const parsed = filterInput.safeParse({
    actor: params.actor,
    action: params.action,
    from: params.from,
    to: params.to,
  });
  if (!parsed.success) return { query: {}, filter: { limit: AUDIT_PAGE }, valid: false };

  const { actor, action, from, to } = parsed.data;
  const filter: AuditFilter = {
    limit: AUDIT_PAGE,
    ...(actor ? { actor } : {}),
    ...(action ? { action } : {}),
    ...(from ? { since: epoch(from) } : {}),
    ...(to ? { until: epoch(to) + DAY - 1 } : {}),
  };
  const backwards =
    filter.since !== undefined &&
    filter.until !== undefined &&
    filter.since > filter.until;

  return { query: parsed.data, filter, valid: !backwards };
}
