import Link from 'next/link';
import { listSwitchableAccounts } from '@/lib/auth/accounts';
import { switchAccount } from '@/lib/auth/actions';
import { can, type CustomerSession } from '@/lib/auth/guards';
import { settle } from '@/components/section';
import styles from './site-header.module.css';

// The signed-in account's name and, for a login with several client accounts,
// a switcher. A plain form with a submit button: it works without JavaScript.
// Beside it, the account's own pages the session may open.

export async function AccountMenu({ session }: { session: CustomerSession }) {
  const result = await settle('accounts', listSwitchableAccounts(session));
  const accounts = result.ok ? result.value : [];
  const current = accounts.find((a) => a.current);
  if (accounts.length < 2) {
    return (
      <p className={styles.account}>
        <span className="visually-hidden">Signed in to </span>
        {current?.label ?? session.email}
      </p>
    );
  }

  return (
    <form action={switchAccount} className={styles.switcher}>
      <label htmlFor="account-switch" className={styles.switchLabel}>
        Account
      </label>
      <select id="account-switch" name="clientId" defaultValue={current?.clientId}>
        {accounts.map((a) => (
          <option key={a.clientId} value={a.clientId}>
            {a.label}
          </option>
        ))}
      </select>
      <button type="submit" className={`button ${styles.headerButton}`}>
        Switch
      </button>
    </form>
  );
}

export function AccountFallback({ email }: { email: string }) {
  return <p className={styles.account}>{email}</p>;
}

/** The account's profile and email history, for sessions with those WHMCS rights. */
export function AccountLinks({ session }: { session: CustomerSession }) {
  const links = [
    ...(can(session, 'profile') ? [{ href: '/account/profile', label: 'Profile' }] : []),
    ...(can(session, 'emails') ? [{ href: '/account/emails', label: 'Emails' }] : []),
  ];
  if (links.length === 0) return null;
  // Not "Account": the account switcher's label already says that.
  const name = links.map((link) => link.label.toLowerCase()).join(' and ');

  return (
    <nav
      aria-label={name.charAt(0).toUpperCase() + name.slice(1)}
      className={styles.accountLinks}
    >
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
