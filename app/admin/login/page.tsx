import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { StaffPasswordForm, staffFailure } from '@/components/admin/sign-in-forms';
import { currentAdmin } from '@/lib/auth/admin-guards';

export const metadata: Metadata = { title: 'Staff sign-in' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function noticeFor(params: Record<string, unknown>): string | null {
  if (params.signedout) return 'You have signed out.';
  if (params.ended === 'evicted') {
    return 'You were signed out here because your staff login was signed in somewhere else more than twice. Sign in again to continue.';
  }
  return null;
}

// Staff sign-in, step 1 of 2. Public: proxy.ts lets it through without a token.
export default async function StaffLoginPage({ searchParams }: Props) {
  const params = await searchParams;
  if (await currentAdmin()) redirect('/admin');

  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="brand auth-brand">Kraken Portal · Staff</p>
        <h1>Staff sign-in</h1>
        <p className="muted">Step 1 of 2: your staff username and password.</p>
        <StaffPasswordForm
          error={staffFailure(params.error)}
          notice={noticeFor(params)}
        />
      </div>
    </main>
  );
}
