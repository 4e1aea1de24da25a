import { codeInput, codeStep } from '@/lib/auth/admin-code';
import { answer, readForm, seeOther, unavailable } from '@/lib/auth/admin-http';
import { readAdminStep } from '@/lib/auth/admin-step';
import { nowSeconds } from '@/lib/auth/session-record';
import { clientContext } from '@/lib/security/client-ip';

// POST /api/admin/login/totp — staff sign-in, step 2: the TOTP code, behind the sealed note.
export async function POST(request: Request) {
  const form = await readForm(request);
  if ('refused' in form) return form.refused;
  const pending = await readAdminStep(nowSeconds());
  if (!pending) return seeOther('/admin/login?error=expired');
  const back = (reason: string) =>
    reason === 'expired'
      ? '/admin/login?error=expired'
      : `/admin/login/totp?error=${reason}`;
  const parsed = codeInput.safeParse(form.fields);
  if (!parsed.success) return answer({ kind: 'failed', reason: 'code' }, back);

  try {
    const client = clientContext(request.headers);
    return answer(await codeStep(pending, parsed.data.code, client), back);
  } catch (error) {
    return unavailable(error, 'admin-sign-in');
  }
}
