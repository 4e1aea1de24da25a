import { answer, readForm, unavailable } from '@/lib/auth/admin-http';
import { passwordInput, passwordStep } from '@/lib/auth/admin-sign-in';
import { clientContext } from '@/lib/security/client-ip';

// POST /api/admin/login — staff sign-in, step 1: username and password.
export async function POST(request: Request) {
  const form = await readForm(request);
  if ('refused' in form) return form.refused;
  const parsed = passwordInput.safeParse(form.fields);
  const back = (reason: string) => `/admin/login?error=${reason}`;
  if (!parsed.success) return answer({ kind: 'failed', reason: 'input' }, back);

  try {
    return answer(await passwordStep(parsed.data, clientContext(request.headers)), back);
  } catch (error) {
    return unavailable(error, 'admin-sign-in');
  }
}
