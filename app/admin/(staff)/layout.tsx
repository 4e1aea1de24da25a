import type { ReactNode } from 'react';
import { StaffHeader } from '@/components/admin/staff-header';
import { requireAdmin } from '@/lib/auth/admin-guards';

// The signed-in staff area. Every page below calls requireAdmin(permission)
// itself as well: a layout is not re-run on client-side navigation.
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const session = await requireAdmin();

  return (
    <>
      <StaffHeader session={session} />
      <main id="main" tabIndex={-1} className="portal-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>Kraken Portal staff area · Every action here is recorded. Times are UTC.</p>
      </footer>
    </>
  );
}
