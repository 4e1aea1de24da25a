import type { Metadata } from 'next';
import { requireCustomer } from '@/lib/auth/guards';
import { accountKey } from '@/lib/auth/limits';
import { revokeOwnSession, signOutEverywhere } from '@/lib/auth/security-actions';
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
  const [sessions, signIns, failures, changes] = await Promise.all([
    store().sessions.listActive('customer', userId),
    store().logins.list('customer', userId, 50),
    store().logins.list('customer', `email:${accountKey(session.email)}`, 50),
    store().audit.list({ actor: `customer:${userId}`, limit: 100 }),
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
          <form action={signOutEverywhere}>
            <button type="submit" className="button">
              Sign out everywhere
            </button>
          </form>
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
        <HandOver
          session={session}
          back="/account/security"
          buttons={[
            { action: changePasswordInWhmcs, label: 'Change password' },
            {
              action: setUpTwoFactorInWhmcs,
              label: 'Set up two-factor authentication',
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
      <ActivityList entries={changes} />
    </div>
  );
}
