import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { describeAccounts } from '@/lib/auth/accounts';
import { pickAccount } from '@/lib/auth/actions';
import { readPendingSignIn } from '@/lib/auth/picker';

export const metadata: Metadata = { title: 'Choose an account' };

export default async function SelectAccountPage() {
  const pending = await readPendingSignIn();
  if (!pending) redirect('/login?expired=1');
  const accounts = await describeAccounts(pending.clients);

  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="brand auth-brand">Kraken Portal</p>
        <h1>Choose an account</h1>
        <p className="muted">
          Your login has access to several client accounts. You can switch later from the
          menu.
        </p>
        <ul className="account-list">
          {accounts.map((account) => (
            <li key={account.clientId}>
              <form action={pickAccount}>
                <input type="hidden" name="clientId" value={account.clientId} />
                <button type="submit" className="account-choice">
                  <span className="account-name">{account.label}</span>
                  <span className="muted">
                    {account.isOwner ? 'Owner' : 'Shared with you'} · #{account.clientId}
                  </span>
                </button>
              </form>
            </li>
          ))}
        </ul>
        <p className="muted">
          Not your accounts? <Link href="/login">Use a different login</Link>
        </p>
      </div>
    </main>
  );
}
