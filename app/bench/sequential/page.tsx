import { requireCustomer } from '@/lib/auth/guards';
import { requireBenchRoutes } from '@/lib/bench-routes';
import { listDomains } from '@/lib/whmcs/domains';
import { getInvoice, listInvoices } from '@/lib/whmcs/billing';
import { getClientDetails } from '@/lib/whmcs/clients';
import { EARLIEST, earliestDue, OWED_DETAILS, owedFrom } from '@/lib/whmcs/owed';
import { listServices } from '@/lib/whmcs/services';
import { listTickets } from '@/lib/whmcs/support';
import { Card, PageHeader } from '@/components/card';
import { ActiveServices } from '@/components/dashboard/active-services';
import styles from '@/components/dashboard/dashboard.module.css';
import { ActiveTickets } from '@/components/dashboard/active-tickets';
import { DomainsNeedingAttention } from '@/components/dashboard/domains-attention';
import { UnpaidInvoices } from '@/components/dashboard/unpaid-invoices';

// Benchmark only (BENCH_ROUTES=1): the dashboard done the slow way, as the
// baseline the real one is compared with. Each WHMCS call waits for the one
// before it and nothing is sent until the last has answered. Do not copy this.
// No metadata export: its title would show on the 404 when the route is off.

const SCAN = { offset: 0, limit: 100 };
const ACTIVE_TICKETS = { status: 'All Active Tickets', ...SCAN };

export default async function SequentialDashboardPage() {
  await requireBenchRoutes();
  const { clientId } = await requireCustomer();
  const unpaid = await listInvoices(clientId, { status: 'Unpaid', ...EARLIEST });
  const collections = await listInvoices(clientId, {
    status: 'Collections',
    ...EARLIEST,
  });
  const earliest = earliestDue([...unpaid.items, ...collections.items], OWED_DETAILS);
  const details = [];
  for (const invoice of earliest) details.push(await getInvoice(clientId, invoice.id));
  const owed = owedFrom(earliest, details, unpaid.total + collections.total);
  // Asked of WHMCS every time, as the baseline did before the account cache.
  const currency = await getClientDetails(clientId).then(
    (client) => client.currency,
    () => null,
  );
  const services = await listServices(clientId, SCAN);
  const tickets = await listTickets(clientId, ACTIVE_TICKETS);
  const domains = await listDomains(clientId, SCAN);

  return (
    <main id="main" className="portal-main">
      <div className="page">
        <PageHeader title="Dashboard" />
        <div className={styles.grid}>
          <Card title="Unpaid invoices">
            <UnpaidInvoices owed={owed} currency={currency} />
          </Card>
          <Card title="Active services">
            <ActiveServices services={services} currency={currency} />
          </Card>
          <Card title="Active tickets">
            <ActiveTickets tickets={tickets} />
          </Card>
          <Card title="Domains needing attention">
            <DomainsNeedingAttention domains={domains} />
          </Card>
        </div>
      </div>
    </main>
  );
}
