import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { requireCustomer } from '@/lib/auth/guards';
import { safeNext } from '@/lib/auth/redirect';
import { isRecentlyProved, stepUpSeconds } from '@/lib/portal/step-up';
import { oidcSettings } from '@/lib/whmcs/oidc';
import { Card, PageHeader } from '@/components/card';
import { WhmcsSignIn } from '@/components/auth/whmcs-sign-in';
import { ConfirmForm } from '@/components/security/confirm-form';

export const metadata: Metadata = { title: 'Confirm it’s you' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConfirmPage({ searchParams }: Props) {
  const session = await requireCustomer();
  const next = safeNext((await searchParams).next);
  if (await isRecentlyProved(session)) redirect(next);
  const minutes = Math.max(1, Math.round(stepUpSeconds() / 60));

  return (
    <div className="page">
      <PageHeader title="Confirm it’s you">
        <p>
          This step changes something important, so we ask for your password when you have
          not signed in for {minutes === 1 ? 'a minute' : `${minutes} minutes`}.
        </p>
      </PageHeader>
      <Card title={`Signed in as ${session.email}`}>
        <ConfirmForm next={next} email={session.email} />
        {oidcSettings() ? <WhmcsSignIn next={next} failed={false} /> : null}
      </Card>
    </div>
  );
}
