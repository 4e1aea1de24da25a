import { requireCustomer } from '@/lib/auth/guards';
import { emailDocument } from '@/lib/portal/email-html';
import { EMAIL_BODY_CSP, isEmailBodyPath } from '@/lib/security/headers';
import { getEmail } from '@/lib/whmcs/emails';
import { WhmcsError } from '@/lib/whmcs/errors';
import { idOrNull, offsetOf, parsePage } from '@/components/route-params';

type Context = { params: Promise<{ id: string }> };

const plain = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

// GET /account/emails/:id/body — the HTML of one of the client's emails, for
// the sandboxed iframe on the email's page. proxy.ts gives this path, and only
// this path, EMAIL_BODY_CSP and lets the portal frame it; the same policy is
// also set here, so the answer never goes out without it.
export async function GET(request: Request, { params }: Context) {
  const session = await requireCustomer('emails');
  // Only at the one spelling proxy.ts recognises: an encoded form of the same
  // path (`/account/emails/%33%39%34/body`) reaches this route decoded, and
  // must not be answered with HTML under any other policy.
  if (!isEmailBodyPath(new URL(request.url).pathname)) return plain(404, 'Not found');
  const id = idOrNull((await params).id);
  if (id === null) return plain(404, 'Not found');
  const page = parsePage(Object.fromEntries(new URL(request.url).searchParams));

  try {
    const email = await getEmail(session.clientId, id, offsetOf(page));

    return new Response(emailDocument(email.html), {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'private, no-store',
        'content-security-policy': EMAIL_BODY_CSP,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    if (!(error instanceof WhmcsError)) throw error;
    if (error.kind === 'not_found') return plain(404, 'Not found');

    return plain(503, 'This email cannot be shown right now. Please try again later.');
  }
}
