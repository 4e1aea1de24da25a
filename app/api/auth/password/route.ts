import { cookies } from 'next/headers';
import { signInInput, signInWithPassword, SIGN_IN_MESSAGES } from '@/lib/auth/sign-in';
import { LOGIN_HINT_COOKIE, loginHintOptions } from '@/lib/auth/cookies';
import { clientContext } from '@/lib/security/client-ip';
import { isCrossSiteWrite } from '@/lib/security/csrf';
import { StoreUnavailableError } from '@/lib/store/types';
import { securityEvent } from '@/lib/auth/events';
import { plainPage } from '@/lib/http/plain-page';
import { readLimitedForm } from '@/lib/security/form-body';
import { nowSeconds } from '@/lib/auth/session-record';

const MAX_BODY = 8 * 1024;

/** A browser following a form: a navigation (Sec-Fetch-Mode) or, from older ones, a page wanted. */
function isNavigation(headers: Headers): boolean {
  const mode = headers.get('sec-fetch-mode');
  if (mode) return mode === 'navigate';
  return /\btext\/html\b/.test(headers.get('accept') ?? '');
}

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location } });
}

// POST /api/auth/password — the login form: email and password, checked by WHMCS.
export async function POST(request: Request) {
  if (isCrossSiteWrite('POST', request.headers)) {
    return plainPage(
      403,
      'Request refused',
      'This form must be sent from the portal itself.',
    );
  }
  const body = await readLimitedForm(request, MAX_BODY);
  if ('tooLarge' in body)
    return plainPage(413, 'Request too large', SIGN_IN_MESSAGES.input);
  const { form } = body;
  const fields = form
    ? Object.fromEntries([...form].map(([k, v]) => [k, String(v)]))
    : {};
  const next = typeof fields.next === 'string' ? fields.next : '';
  const back = (reason: string, extra: Record<string, string> = {}) =>
    seeOther(
      `/login?${new URLSearchParams({ error: reason, ...extra, ...(next ? { next } : {}) })}`,
    );
  const parsed = signInInput.safeParse(fields);
  await rememberEmail(typeof fields.email === 'string' ? fields.email : '');
  if (!parsed.success) return back('input');

  try {
    const result = await signInWithPassword(parsed.data, clientContext(request.headers));
    if (result.kind === 'signed-in') return seeOther(result.next);
    if (result.kind === 'pick-account') return seeOther('/select-account');
    if (result.kind === 'failed') return back(result.reason);
    // A person at a browser goes back to the sign-in page, which says when to
    // try again; a script (no navigation) gets the real 429 with Retry-After.
    if (isNavigation(request.headers))
      return back('limited', { until: String(nowSeconds() + result.retryAfter) });
    return plainPage(429, 'Too many attempts', SIGN_IN_MESSAGES.limited, {
      'retry-after': String(result.retryAfter),
    });
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    securityEvent('store.unavailable', { during: 'sign-in' });
    return plainPage(503, 'Try again later', SIGN_IN_MESSAGES.unavailable, {
      'retry-after': '30',
    });
  }
}

async function rememberEmail(email: string) {
  const jar = await cookies();
  jar.set(LOGIN_HINT_COOKIE, email.slice(0, 254), loginHintOptions());
}
