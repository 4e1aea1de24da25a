import type { Metadata } from 'next';
import { StaffCodeForm, staffFailure } from '@/components/admin/sign-in-forms';
import { requireAdminStep } from '@/lib/auth/admin-step';

export const metadata: Metadata = { title: 'Staff sign-in: code' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Staff sign-in, step 2 of 2: only with the sealed note from step 1.
export default async function StaffCodePage({ searchParams }: Props) {
  await requireAdminStep();
  const params = await searchParams;

  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="brand auth-brand">Kraken Portal · Staff</p>
        <h1>Enter your code</h1>
        <p className="muted">Step 2 of 2: the code from your authenticator app.</p>
        <StaffCodeForm
          action="/api/admin/login/totp"
          error={staffFailure(params.error)}
          submit="Sign in"
        />
        <p>
          <a href="/admin/login">Start again</a>
        </p>
      </div>
    </main>
  );
}
