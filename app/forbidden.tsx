import type { Metadata } from 'next';
import Link from 'next/link';
import { listSwitchableAccounts } from '@/lib/auth/accounts';
import { currentCustomer } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'No access' };

// forbidden() — a user on a shared account without the WHMCS permission for a
// section. Only the portal's guards call forbidden(), so this renders inside the
// portal layout's <main>, under its header: no <main> and no brand of its own.
export default async function Forbidden() {
  const canSwitch = await hasOtherAccounts();

  return (
    <div className="page">
      <div className="status-card status-inline">
        <p className="status-code">403</p>
        <h1>You don&rsquo;t have access to this section</h1>
        <p>
          This account has been shared with you, and its owner hasn&rsquo;t given your
          login access to this part of it. Ask the account owner to change your
          permissions
          {canSwitch ? ', or switch to another of your accounts from the menu above' : ''}
          .
        </p>
        <div className="actions">
          <Link className="button button-primary" href="/dashboard">
            Go to the dashboard
          </Link>
        </div>
      </div>
    </div>
  );
}

/**
 * Whether the header offers a switch. The same cached WHMCS reads as the
 * header's, so no call is made twice; if they failed, the header has logged it
 * and shows no switcher, so the page does not mention one either.
 */
async function hasOtherAccounts(): Promise<boolean> {
  const session = await currentCustomer();
  if (!session) return false;

  return listSwitchableAccounts(session).then(
    (accounts) => accounts.length > 1,
    () => false,
  );
}
