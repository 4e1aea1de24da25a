import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import type { AdminSession } from '@/lib/auth/admin-guards';
import { audited, AuditUnavailableError } from '@/lib/security/audit';
import { clientContext } from '@/lib/security/client-ip';
import { StoreUnavailableError, type AuditEntry } from '@/lib/store/types';

// The one wrapper every staff server action goes through, after its own
// requireAdmin(permission): validate the form, name the target, write the
// audit entry (no entry, no action), run, and go back to the form's page with
// `?done=<action>` or `?error=<code>` for the page to show.

export type StaffActionSpec<S extends z.ZodType> = {
  /** The audit trail's name for it, e.g. 'session.revoke'. */
  action: string;
  input: S;
  fields: readonly string[];
  back: string;
  /** What the audit entry names as acted on; null when there is nothing to act on. */
  target: (input: z.output<S>) => Promise<string | null>;
  detail?: (input: z.output<S>) => AuditEntry['detail'];
  /** Does it; may return where to go instead of `back` (e.g. signed out). */
  run: (input: z.output<S>) => Promise<string | void>;
};

export type StaffActionError = 'input' | 'gone' | 'audit' | 'store';

export async function staffAction<S extends z.ZodType>(
  session: AdminSession,
  form: FormData,
  spec: StaffActionSpec<S>,
): Promise<never> {
  const raw = Object.fromEntries(spec.fields.map((f) => [f, form.get(f) ?? undefined]));
  const parsed = spec.input.safeParse(raw);
  if (!parsed.success) redirect(`${spec.back}?error=input`);

  const who = { actor: session.username, ip: clientContext(await headers()).ip };
  const location = await attempt(who, spec, parsed.data);
  redirect(location);
}

async function attempt<S extends z.ZodType>(
  who: { actor: string; ip: string },
  spec: StaffActionSpec<S>,
  input: z.output<S>,
): Promise<string> {
  const back = (query: string) => `${spec.back}?${query}`;
  try {
    const target = await spec.target(input);
    if (target === null) return back('error=gone');
    const detail = spec.detail?.(input) ?? {};
    const elsewhere = await audited(who, spec.action, target, () => spec.run(input), {
      detail,
    });

    return elsewhere ?? back(`done=${encodeURIComponent(spec.action)}`);
  } catch (error) {
    if (error instanceof AuditUnavailableError) return back('error=audit');
    if (error instanceof StoreUnavailableError) return back('error=store');
    throw error;
  }
}
