import { codeInput, reauthStep } from '@/lib/auth/admin-code';
import { requireAdmin } from '@/lib/auth/admin-guards';
import { answer, readForm, unavailable } from '@/lib/auth/admin-http';
import { safeAdminNext } from '@/lib/auth/admin-next';
import { clientContext } from '@/lib/security/client-ip';

// POST /api/admin/reauth — step-up: the TOTP code again, then back to the action.
export async function POST(request: Request) {
  const form = await readForm(request);
  if ('refused' in form) return form.refused;

  try {
    const session = await requireAdmin();
    const next = safeAdminNext(form.fields.next);
    const back = (reason: string) =>
      reason === 'expired'
        ? '/admin/login?error=expired'
        : `/admin/reauth?${new URLSearchParams({ error: reason, next })}`;
    const parsed = codeInput.safeParse({ code: form.fields.code ?? '' });
    if (!parsed.success) return answer({ kind: 'failed', reason: 'code' }, back);

    const client = clientContext(request.headers);
    return answer(await reauthStep(session, parsed.data.code, client, next), back);
  } catch (error) {
    return unavailable(error, 'admin-step-up');
  }
}
