import type { Metadata } from 'next';
import { can, requireCustomer } from '@/lib/auth/guards';
import { listDomains } from '@/lib/whmcs/domains';
import { listOwed } from '@/lib/whmcs/owed';
import { listServices } from '@/lib/whmcs/services';
import { listTickets } from '@/lib/whmcs/support';
import { clientCredit, clientCurrency } from '@/components/client-currency';
import { ActiveServices } from '@/components/dashboard/active-services';
import { ActiveTickets } from '@/components/dashboard/active-tickets';
import { cardFrame, DashboardHeader } from '@/components/dashboard/cards';
import styles from '@/components/dashboard/dashboard.module.css';
import { DomainsNeedingAttention } from '@/components/dashboard/domains-attention';
import { UnpaidInvoicesStreamed } from '@/components/dashboard/unpaid-invoices';
import { EmptyState } from '@/components/empty-state';
import { Section, settle } from '@/components/section';

export const metadata: Metadata = { title: 'Dashboard' };

// Enough rows to sum and filter on; an account with more sees a note on the card.
const SCAN = { offset: 0, limit: 100 };
const HERE = '/dashboard';
const ACTIVE_TICKETS = { status: 'All Active Tickets', ...SCAN };

/**
 * The owed invoices and their balances, both after one round trip; the
 * balances (from the client's transactions) have a boundary of their own
 * inside the card, so the rows still show when those cannot be read.
 */
function owedListing(clientId: number) {
  return listOwed(clientId).then((listing) => ({
    ...listing,
    balances: settle('invoice balances', listing.balances),
  }));
}

export default async function DashboardPage() {
  const session = await requireCustomer();
  const { clientId } = session;
  // Every call starts here, at once; each card streams in when its own answer does.
  const currency = clientCurrency(session);
  const load = {
    invoices: can(session, 'invoices')
      ? settle(
          'invoices',
          Promise.all([owedListing(clientId), currency, clientCredit(clientId)]),
        )
      : null,
    services: can(session, 'products')
      ? settle('services', Promise.all([listServices(clientId, SCAN), currency]))
      : null,
    tickets: can(session, 'tickets')
      ? settle('tickets', listTickets(clientId, ACTIVE_TICKETS))
      : null,
    domains: can(session, 'domains')
      ? settle('domains', listDomains(clientId, SCAN))
      : null,
  };

  return (
    <div className="page">
      <DashboardHeader />
      <div className={styles.grid}>
        {load.invoices ? (
          <Section {...cardFrame('invoices')} load={load.invoices} retryHref={HERE}>
            {([listing, money, credit]) => (
              <UnpaidInvoicesStreamed
                listing={listing}
                currency={money}
                credit={credit}
                retryHref={HERE}
              />
            )}
          </Section>
        ) : null}
        {load.services ? (
          <Section {...cardFrame('services')} load={load.services} retryHref={HERE}>
            {([services, money]) => (
              <ActiveServices services={services} currency={money} />
            )}
          </Section>
        ) : null}
        {load.tickets ? (
          <Section {...cardFrame('tickets')} load={load.tickets} retryHref={HERE}>
            {(tickets) => <ActiveTickets tickets={tickets} />}
          </Section>
        ) : null}
        {load.domains ? (
          <Section {...cardFrame('domains')} load={load.domains} retryHref={HERE}>
            {(domains) => <DomainsNeedingAttention domains={domains} />}
          </Section>
        ) : null}
      </div>
      {Object.values(load).every((l) => l === null) ? (
        <EmptyState title="Nothing to show yet">
          <p>
            Your login can&rsquo;t see services, domains, invoices or tickets on this
            account.
          </p>
        </EmptyState>
      ) : null}
    </div>
  );
}
