import { securityEvent } from '@/lib/auth/events';
import { currentCustomer } from '@/lib/auth/guards';
import { endCustomerSession } from '@/lib/auth/session';
import { isCrossSiteWrite } from '@/lib/security/csrf';
import { plainPage } from '@/lib/http/plain-page';

// POST /api/sign-out — ends this browser's customer session (record revoked, cookie cleared).
export async function POST(request: Request) {
  if (isCrossSiteWrite('POST', request.headers)) {
    return plainPage(
      403,
      'Request refused',
      'This form must be sent from the portal itself.',
    );
  }

  // Signing out needs no valid session: a broken or ended one is cleared all the same.
  const session = await currentCustomer();
  await endCustomerSession(session?.sid ?? null);
  if (session) securityEvent('auth.logout', { userId: session.userId });

  return new Response(null, { status: 303, headers: { location: '/login?signedout=1' } });
}
