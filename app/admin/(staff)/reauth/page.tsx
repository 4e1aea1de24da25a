import type { Metadata } from 'next';
import { StaffCodeForm, staffFailure } from '@/components/admin/sign-in-forms';
import { requireAdmin } from '@/lib/auth/admin-guards';
import { safeAdminNext } from '@/lib/auth/admin-next';

export const metadata: Metadata = { title: 'Confirm it is you' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Step-up: a sensitive action needs the TOTP code entered within the last few
// minutes; this asks for it again, then returns to where it came from.
export default async function StaffReauthPage({ searchParams }: Props) {
  await requireAdmin();
  const params = await searchParams;
  const next = safeAdminNext(params.next);

  return (
    <div className="page">
      <div className="auth-card">
        <h1>Confirm it is you</h1>
        <p className="muted">
          This action needs a fresh code from your authenticator app. After that you are
          taken back, and can do it again within five minutes without being asked.
        </p>
        <StaffCodeForm
          action="/api/admin/reauth"
          error={staffFailure(params.error)}
          next={next}
          submit="Confirm"
        />
      </div>
    </div>
  );
}
