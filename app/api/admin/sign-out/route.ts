import { currentAdmin } from '@/lib/auth/admin-guards';
import { readForm, seeOther } from '@/lib/auth/admin-http';
import { endAdminSession } from '@/lib/auth/admin-session';
import { securityEvent } from '@/lib/auth/events';
import { plainPage } from '@/lib/http/plain-page';
import { audited } from '@/lib/security/audit';
import { clientContext } from '@/lib/security/client-ip';
import { StoreUnavailableError } from '@/lib/store/types';

// POST /api/admin/sign-out — ends this browser's staff session (record revoked, cookie cleared).
export async function POST(request: Request) {
  const form = await readForm(request);
  if ('refused' in form) return form.refused;

  try {
    // Signing out needs no valid session: a broken or ended one is cleared all the same.
    const session = await currentAdmin();
    if (!session) {
      await endAdminSession(null);
      return seeOther('/admin/login?signedout=1');
    }
    const who = { actor: session.username, ip: clientContext(request.headers).ip };
    await audited(who, 'admin.signout', `session:${session.sid}`, () =>
      endAdminSession(session.sid),
    );
    securityEvent('auth.logout', { realm: 'admin', username: session.username });

    return seeOther('/admin/login?signedout=1');
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    // The record cannot be revoked now; the browser forgets its cookie anyway.
    await endAdminSession(null);
    const message = 'Your session could not be ended on the server. Please try again.';
    return plainPage(503, 'Try again later', message, { 'retry-after': '30' }, '/admin');
  }
}
