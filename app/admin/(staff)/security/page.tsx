import type { Metadata } from 'next';
import { ActiveSessions } from '@/components/admin/active-sessions';
import { AuditTrail } from '@/components/admin/audit-trail';
import { ActionNotice } from '@/components/admin/action-notice';
import { SignInFailures } from '@/components/admin/sign-in-failures';
import { PageHeader } from '@/components/card';
import { adminCan, requireAdmin } from '@/lib/auth/admin-guards';
import { parseAuditQuery } from '@/lib/security/audit-filter';
import { store } from '@/lib/store';

export const metadata: Metadata = { title: 'Security' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FAILURES = 25;

export default async function StaffSecurityPage({ searchParams }: Props) {
  const session = await requireAdmin('security:view');
  const params = await searchParams;
  const audit = parseAuditQuery(params);
  const showAudit = adminCan(session, 'audit:view');
  const [staffFailures, customerFailures, staff, customers, entries] = await Promise.all([
    store().logins.recentFailures('admin', FAILURES),
    store().logins.recentFailures('customer', FAILURES),
    store().sessions.listActive('admin'),
    store().sessions.listActive('customer'),
    showAudit ? store().audit.list(audit.filter) : Promise.resolve([]),
  ]);
  const failures = [...staffFailures, ...customerFailures].sort((a, b) => b.at - a.at);
  const canRevoke = adminCan(session, 'sessions:revoke');

  return (
    <div className="page stack">
      <PageHeader title="Security">
        <p>Failed sign-ins, who is signed in, and what staff have done.</p>
      </PageHeader>
      <ActionNotice params={params} />
      <SignInFailures events={failures.slice(0, FAILURES)} />
      <ActiveSessions
        title="Staff sessions"
        sessions={staff}
        currentSid={session.sid}
        canRevoke={canRevoke}
      />
      <ActiveSessions
        title="Customer sessions"
        sessions={customers}
        currentSid={session.sid}
        canRevoke={canRevoke}
      />
      {showAudit ? (
        <AuditTrail entries={entries} query={audit.query} valid={audit.valid} />
      ) : null}
    </div>
  );
}
