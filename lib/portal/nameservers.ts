import { z } from 'zod';

// What a customer may type as a domain's nameservers: 2 to 5 host names,
// checked here as strictly as registries check them, so nothing malformed
// reaches the registrar. A name is ASCII (an international name in its xn--
// form), at most 253 characters, of two labels or more; each label is 1 to 63
// letters, digits and hyphens, not starting or ending with a hyphen; the last
// label is not numeric (an IP address is not a nameserver's name here).

export const NAMESERVER_FIELDS = ['ns1', 'ns2', 'ns3', 'ns4', 'ns5'] as const;
export const MIN_NAMESERVERS = 2;

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Lower case, without surrounding space or one trailing dot (the DNS root). */
export function normalizeNameserver(value: string): string {
  return value.trim().toLowerCase().replace(/\.$/, '');
}

/** What is wrong with a typed nameserver name, or null when it is a valid host name. */
export function nameserverProblem(name: string): string | null {
  if (IPV4.test(name) || name.includes(':'))
    return 'Enter the nameserver’s name (like ns1.example.com), not its IP address.';
  if (/[^\x00-\x7f]/.test(name))
    return 'Write an international name in its ASCII form (starting xn--).';
  if (!/^[a-z0-9.-]+$/.test(name))
    return 'Use only letters, digits, hyphens and dots, like ns1.example.com.';
  if (name.length > 253) return 'A nameserver’s name is at most 253 characters.';
  const labels = name.split('.');
  if (labels.length < 2) return 'Enter the full name, like ns1.example.com.';
  if (labels.some((label) => label.length > 63))
    return 'Each part between dots is at most 63 characters.';
  if (labels.some((label) => !LABEL.test(label)))
    return 'Each part between dots needs letters or digits, and cannot start or end with a hyphen.';
  if (!TOP_LABEL.test(labels[labels.length - 1] ?? ''))
    return 'The name must end in a real domain ending, like .com or .net.';

  return null;
}

const optional = z
  .string()
  .max(300, 'A nameserver’s name is at most 253 characters.')
  .optional()
  .transform((value) => normalizeNameserver(value ?? ''));

/** The five form fields, checked one by one and together (2 at least, none twice). */
export const nameserverFields = Object.fromEntries(
  NAMESERVER_FIELDS.map((field) => [field, optional]),
) as Record<(typeof NAMESERVER_FIELDS)[number], typeof optional>;

export function checkNameservers(
  values: Record<(typeof NAMESERVER_FIELDS)[number], string>,
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  let filled = 0;
  for (const field of NAMESERVER_FIELDS) {
    const name = values[field];
    if (!name) continue;
    filled += 1;
    const problem = seen.has(name)
      ? 'This nameserver is listed twice.'
      : nameserverProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', path: [field], message: problem });
    seen.add(name);
  }
  if (filled < MIN_NAMESERVERS) {
    const empty = NAMESERVER_FIELDS.filter((f) => !values[f]).slice(
      0,
      MIN_NAMESERVERS - filled,
    );
    for (const field of empty)
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: 'A domain needs at least two nameservers.',
      });
  }
}

/** The filled fields in order, blanks between them dropped. */
export function nameserverList(
  values: Record<(typeof NAMESERVER_FIELDS)[number], string>,
): string[] {
  return NAMESERVER_FIELDS.map((f) => values[f]).filter(Boolean);
}
