import { RESET_MESSAGES, requestReset, resetInput } from '@/lib/auth/password-reset';
import { securityEvent } from '@/lib/auth/events';
import { plainPage } from '@/lib/http/plain-page';
import { clientContext } from '@/lib/security/client-ip';
import { isCrossSiteWrite } from '@/lib/security/csrf';
import { StoreUnavailableError } from '@/lib/store/types';
import { readLimitedForm } from '@/lib/security/form-body';

const MAX_BODY = 4 * 1024;
const PAGE = '/login/reset';

function seeOther(query: Record<string, string>): Response {
  return new Response(null, {
    status: 303,
    headers: { location: `${PAGE}?${new URLSearchParams(query)}` },
  });
}

// POST /api/auth/reset-password — the "Forgot your password?" form.
export async function POST(request: Request) {
  if (isCrossSiteWrite('POST', request.headers)) {
    return plainPage(
      403,
      'Request refused',
      'This form must be sent from the portal itself.',
    );
  }
  const body = await readLimitedForm(request, MAX_BODY);
  if ('tooLarge' in body) {
    return plainPage(413, 'Request too large', RESET_MESSAGES.input, {}, PAGE);
  }
  const { form } = body;
  const parsed = resetInput.safeParse({ email: form?.get('email') ?? undefined });
  if (!parsed.success) return seeOther({ error: 'input' });

  try {
    const answer = await requestReset(parsed.data.email, clientContext(request.headers));
    if (answer.kind === 'limited') {
      return plainPage(
        429,
        'Too many requests',
        RESET_MESSAGES.limited,
        { 'retry-after': String(answer.retryAfter) },
        PAGE,
      );
    }
    return answer.notice === 'sent'
      ? seeOther({ sent: '1' })
      : seeOther({ error: answer.notice });
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    securityEvent('store.unavailable', { during: 'password-reset' });
    return plainPage(
      503,
      'Try again later',
      RESET_MESSAGES.unavailable,
      {
        'retry-after': '30',
      },
      PAGE,
    );
  }
}
