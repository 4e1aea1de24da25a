import 'server-only';
import { securityEvent } from '@/lib/auth/events';
import { ADMIN_SIGN_IN_MESSAGES, type StepResult } from '@/lib/auth/admin-sign-in';
import { plainPage } from '@/lib/http/plain-page';
import { isCrossSiteWrite } from '@/lib/security/csrf';
import { AuditUnavailableError } from '@/lib/security/audit';
import { StoreUnavailableError } from '@/lib/store/types';
import { readLimitedForm } from '@/lib/security/form-body';

// What the staff sign-in route handlers share: plain form posts in, real
// status codes out (303 onwards, 403 cross-site, 429 limited, 503 store or
// audit trail down), the same short texts as the customer handler.

const MAX_BODY = 8 * 1024;
const BACK = '/admin/login';

export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location } });
}

/** The posted fields as strings, or a refusal (cross-site, too large). */
export async function readForm(
  request: Request,
): Promise<{ fields: Record<string, string> } | { refused: Response }> {
  if (isCrossSiteWrite('POST', request.headers)) {
    const message = 'This form must be sent from the portal itself.';
    return { refused: plainPage(403, 'Request refused', message, {}, BACK) };
  }
  const body = await readLimitedForm(request, MAX_BODY);
  if ('tooLarge' in body) {
    const message = ADMIN_SIGN_IN_MESSAGES.input;
    return { refused: plainPage(413, 'Request too large', message, {}, BACK) };
  }
  const { form } = body;
  const entries = form ? [...form].map(([k, v]) => [k, String(v)] as const) : [];

  return { fields: Object.fromEntries(entries) };
}

/** A step's result as the browser gets it; `back` builds the form's address with an error. */
export function answer(result: StepResult, back: (reason: string) => string): Response {
  if (result.kind === 'next') return seeOther(result.location);
  if (result.kind === 'failed') return seeOther(back(result.reason));

  return plainPage(
    429,
    'Too many attempts',
    ADMIN_SIGN_IN_MESSAGES.limited,
    { 'retry-after': String(result.retryAfter) },
    BACK,
  );
}

/** A store (or audit trail) that cannot answer stops the sign-in with a 503; anything else is a bug. */
export function unavailable(error: unknown, during: string): Response {
  if (!(error instanceof StoreUnavailableError)) throw error;
  const audit = error instanceof AuditUnavailableError;
  if (!audit) securityEvent('store.unavailable', { during });

  return plainPage(
    503,
    'Try again later',
    ADMIN_SIGN_IN_MESSAGES.unavailable,
    { 'retry-after': '30' },
    BACK,
  );
}
