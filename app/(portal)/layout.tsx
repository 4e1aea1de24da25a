import { Suspense, type ReactNode } from 'react';
import { requireCustomer } from '@/lib/auth/guards';
import { SiteHeader } from '@/components/portal/site-header';
import { StepUpNotice } from '@/components/portal/step-up-notice';
import { justConfirmed } from '@/lib/portal/step-up';

// The signed-in customer area. Every page below calls requireCustomer() itself
// as well: a layout is not re-run on client-side navigation between its pages.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const session = await requireCustomer();

  return (
    <>
      <SiteHeader session={session} />
      <main id="main" tabIndex={-1} className="portal-main">
        <Suspense fallback={null}>
          <StepUpNotice confirmed={justConfirmed(session)} />
        </Suspense>
        {children}
      </main>
      <footer className="site-footer">
        <p>Kraken Portal · Dates and times are shown in UTC.</p>
      </footer>
    </>
  );
}
