import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCustomer } from '@/lib/auth/guards';
import { getClientDetails } from '@/lib/whmcs/clients';
import { ProfileForm } from '@/components/account/profile-form';
import { Card, PageHeader } from '@/components/card';
import { Section, settle } from '@/components/section';

export const metadata: Metadata = { title: 'Profile' };

export default async function ProfilePage() {
  const session = await requireCustomer('profile');
  const load = settle('profile', getClientDetails(session.clientId));

  return (
    <div className="page">
      <PageHeader title="Profile">
        <p>
          This account&rsquo;s contact details: who its invoices are addressed to, and
          where its emails go.
        </p>
      </PageHeader>
      <div className="stack">
        <Section
          title="Contact details"
          what="contact details"
          load={load}
          retryHref="/account/profile"
        >
          {(client) => <ProfileForm client={client} loginEmail={session.email} />}
        </Section>
        <Card title="Your login">
          <p>
            You sign in as <strong>{session.email}</strong>. That address belongs to your
            login, which is yours alone even when it reaches several accounts; changing
            the account email above does not change it.
          </p>
          <p>
            Your password and two-factor authentication are on the{' '}
            <Link href="/account/security">Security</Link> page.
          </p>
        </Card>
      </div>
    </div>
  );
}
