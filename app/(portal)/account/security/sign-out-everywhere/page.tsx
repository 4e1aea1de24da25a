import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCustomer } from '@/lib/auth/guards';
import { signOutEverywhere } from '@/lib/auth/security-actions';
import { store } from '@/lib/store';
import { Card, PageHeader } from '@/components/card';

export const metadata: Metadata = { title: 'Sign out everywhere?' };

// The confirmation before "Sign out everywhere": it ends every session of the
// login at once, this one included, so one click on the security page only
// brings the person here. A page of its own rather than a dialog: it needs no
// JavaScript, and its heading and buttons read in order to everyone.

export default async function SignOutEverywherePage() {
  const session = await requireCustomer();
  const sessions = await store().sessions.listActive('customer', String(session.userId));
  const others = sessions.filter((s) => s.sid !== session.sid).length;

  return (
    <div className="page">
      <PageHeader title="Sign out everywhere?">
        <p>
          {others === 0
            ? `Your login (${session.email}) is signed in only here, so this signs you ` +
              'out of this device.'
            : `This ends every session of your login (${session.email}) at once: this ` +
              `one and ${others === 1 ? '1 other' : `${others} others`}. Anyone signed in ` +
              'as you on another device is signed out too.'}
        </p>
      </PageHeader>
      <Card title="Are you sure?">
        <p>You will need to sign in again, here and on every other device.</p>
        <div className="actions">
          <form action={signOutEverywhere}>
            <button type="submit" className="button button-danger">
              Yes, sign out everywhere
            </button>
          </form>
          <Link href="/account/security" className="button">
            No, go back
          </Link>
        </div>
      </Card>
    </div>
  );
}
