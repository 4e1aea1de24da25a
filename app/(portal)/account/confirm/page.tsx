import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { requireCustomer } from '@/lib/auth/guards';
import { whmcsSignInFailed } from '@/lib/auth/oidc/complete';
import { safeNext } from '@/lib/auth/redirect';
import { twoFactorState } from '@/lib/auth/two-factor';
import { isRecentlyProved, stepUpSeconds } from '@/lib/portal/step-up';
import { withConfirmed } from '@/lib/portal/step-up-return';
import { oidcSettings } from '@/lib/whmcs/oidc';
import { Card, PageHeader } from '@/components/card';
import { WhmcsSignIn } from '@/components/auth/whmcs-sign-in';
import { ConfirmForm } from '@/components/security/confirm-form';

export const metadata: Metadata = { title: 'Confirm it’s you' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// A login with two-factor authentication cannot confirm with its password
// (WHMCS would need the second factor too), so it is offered only "Sign in with
// WHMCS", which asks for both. A login WHMCS last reported without it gets the
// password box; one the portal has no word on (it only ever signed in with
// WHMCS) gets both, with a sentence saying which is for whom
// (lib/auth/two-factor.ts).

export default async function ConfirmPage({ searchParams }: Props) {
  const session = await requireCustomer();
  const params = await searchParams;
  const next = safeNext(params.next);
  // Back from a WHMCS step-up that did not prove a fresh sign-in (lib/auth/oidc/step-up.ts).
  const whmcsFailed = whmcsSignInFailed(params.error);
  if (await isRecentlyProved(session)) redirect(next);
  const minutes = Math.max(1, Math.round(stepUpSeconds() / 60));
  const since = minutes === 1 ? 'a minute' : `${minutes} minutes`;
  const { state } = await twoFactorState(session.userId);
  const whmcs = oidcSettings() !== null;
  const back = withConfirmed(next);

  return (
    <div className="page">
      <PageHeader title="Confirm it’s you">
        <p>
          This step changes something important, and you signed in more than {since} ago,
          so we ask you to prove it&rsquo;s you first. Afterwards you go back to the page
          you came from, where you press the button once more.
        </p>
      </PageHeader>
      <Card title={`Signed in as ${session.email}`}>
        {state === 'on' ? (
          <p id="confirm-how">
            {whmcs
              ? 'Your login uses two-factor authentication, so your password alone is not ' +
                'enough here. Please sign in with WHMCS again: it asks for your password ' +
                'and your authenticator code, then brings you back.'
              : 'Your login uses two-factor authentication, so your password alone is not ' +
                'enough here. Please sign out and sign in again, then try once more.'}
          </p>
        ) : (
          <>
            {state === 'unknown' && whmcs ? (
              <p id="confirm-how">
                Enter your password. If your login uses two-factor authentication, your
                password alone is not enough: use &ldquo;Sign in with WHMCS&rdquo; below
                instead.
              </p>
            ) : null}
            <ConfirmForm next={next} email={session.email} />
          </>
        )}
        {whmcs ? <WhmcsSignIn next={back} failed={whmcsFailed} /> : null}
      </Card>
    </div>
  );
}
