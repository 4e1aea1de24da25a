import type { Metadata } from 'next';
import { IncomeFigures, WorkFigures } from '@/components/admin/stats-view';
import styles from '@/components/admin/admin.module.css';
import { PageHeader } from '@/components/card';
import { Section, settle } from '@/components/section';
import { requireAdmin } from '@/lib/auth/admin-guards';
import { getStats } from '@/lib/whmcs/stats';

export const metadata: Metadata = { title: 'Staff dashboard' };

export default async function StaffDashboard() {
  const session = await requireAdmin('stats:view');
  // One GetStats call (cached per request) feeds both sections.
  const stats = settle('admin-stats', getStats());

  return (
    <div className="page">
      <PageHeader title="Staff dashboard">
        <p>
          Signed in as {session.username}. Figures come from WHMCS as it reports them.
        </p>
      </PageHeader>
      <div className={styles.grid}>
        <Section
          title="Income"
          what="WHMCS income figures"
          load={stats}
          retryHref="/admin"
        >
          {(value) => <IncomeFigures stats={value} />}
        </Section>
        <Section
          title="Orders and tickets"
          what="WHMCS figures"
          load={stats}
          retryHref="/admin"
        >
          {(value) => <WorkFigures stats={value} />}
        </Section>
      </div>
    </div>
  );
}
