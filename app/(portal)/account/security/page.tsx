import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCustomer } from '@/lib/auth/guards';
import { accountKey } from '@/lib/auth/limits';
import { twoFactorState, type TwoFactorState } from '@/lib/auth/two-factor';
import { revokeOwnSession } from '@/lib/auth/security-actions';
import { changePasswordInWhmcs, setUpTwoFactorInWhmcs } from '@/lib/portal/sso-actions';
import type { SessionRecord } from '@/lib/store/types';
import { store } from '@/lib/store';
import { HandOver } from '@/components/account/hand-over';
import { Card, PageHeader } from '@/components/card';
import { DataTable, type Column } from '@/components/data-table';
import { describeDevice, formatMoment } from '@/components/security/format';
import { ActivityList } from '@/components/security/activity';
import { LoginHistory } from '@/components/security/login-history';

export const metadata: Metadata = { title: 'Security' };

// The second button depends on what WHMCS last said about the login's two-factor
// authentication (lib/auth/two-factor.ts): WHMCS's security page sets it up,
// changes the authenticator or turns it off.
const TWO_FACTOR_BUTTON: Record<TwoFactorState['state'], string> = {
  on: 'Manage or turn off two-factor authentication',
  off: 'Set up two-factor authentication',
  unknown: 'Two-factor authentication settings',
};

function describeTwoFactor(twoFactor: TwoFactorState): string {
  if (twoFactor.state === 'unknown')
    return (
      'Two-factor authentication asks for a code from your phone at every sign-in. ' +
      'WHMCS’s page shows whether it is on for your login, and lets you set it up or ' +
      'turn it off.'
    );
  const when = formatMoment(twoFactor.at);
  return twoFactor.state === 'on'
    ? `Two-factor authentication is on for your login (as WHMCS reported on ${when}). ` +
        'WHMCS’s page lets you change your authenticator or turn it off.'
    : `Two-factor authentication is off for your login (as WHMCS reported on ${when}). ` +
        'Turn it on to be asked for a code from your phone at every sign-in.';
}

function columns(currentSid: string): Column<SessionRecord>[] {
  return [
    {
      header: 'Device',
      cell: (s) =>
        s.sid === currentSid
          ? `${describeDevice(s.userAgent)} (this device)`
          : describeDevice(s.userAgent),
    },
    { header: 'IP address', cell: (s) => s.ip },
    { header: 'Signed in', cell: (s) => formatMoment(s.createdAt) },
    { header: 'Last seen', cell: (s) => formatMoment(s.lastSeenAt) },
    {
      header: 'Action',
      cell: (s) => (
        <form action={revokeOwnSession}>
          <input type="hidden" name="sid" value={s.sid} />
          <button type="submit" className="button">
            {s.sid === currentSid ? 'Sign out' : 'End session'}
          </button>
        </form>
      ),
    },
  ];
}

export default async function SecurityPage() {
  const session = await requireCustomer();
  const userId = String(session.userId);
  const [sessions, signIns, failures, changes, twoFactor] = await Promise.all([
    store().sessions.listActive('customer', userId),
    store().logins.list('customer', userId, 50),
    store().logins.list('customer', `email:${accountKey(session.email)}`, 50),
    store().audit.list({ actor: `customer:${userId}`, limit: 100 }),
    twoFactorState(session.userId),
  ]);
  const history = [...signIns, ...failures].sort((a, b) => b.at - a.at).slice(0, 50);

  return (
    <div className="page">
      <PageHeader title="Security">
        <p>
          Where your login is signed in, its recent sign-ins, and the changes it made.
        </p>
      </PageHeader>
      <Card
        title="Active sessions"
        action={
          // Asks first (it signs this device out too): a page, so no script is needed.
          <Link href="/account/security/sign-out-everywhere" className="button">
            Sign out everywhere…
          </Link>
        }
      >
        <DataTable
          caption="Your active sessions"
          hideCaption
          columns={columns(session.sid)}
          rows={sessions}
          rowKey={(s) => s.sid}
        />
      </Card>
      <Card title="Password and two-factor authentication">
        <p id="two-factor-state">{describeTwoFactor(twoFactor)}</p>
        <HandOver
          session={session}
          back="/account/security"
          buttons={[
            { action: changePasswordInWhmcs, label: 'Change password' },
            {
              action: setUpTwoFactorInWhmcs,
              label: TWO_FACTOR_BUTTON[twoFactor.state],
              secondary: true,
            },
          ]}
        >
          Your login&rsquo;s password and second factor are kept by our billing system
          (WHMCS). These buttons open its pages in this tab, already signed in as you with
          a one-time link.
        </HandOver>
      </Card>
      <LoginHistory events={history} />
      <ActivityList entries={changes} clientId={session.clientId} />
    </div>
  );
}
