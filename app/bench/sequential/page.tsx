import { requireCustomer } from '@/lib/auth/guards';
import { requireBenchRoutes } from '@/lib/bench-routes';
import { listDomains } from '@/lib/whmcs/domains';
import { listInvoices } from '@/lib/whmcs/billing';
import { listServices } from '@/lib/whmcs/services';
import { listTickets } from '@/lib/whmcs/support';
import { Card, PageHeader } from '@/components/card';
import { clientCurrency } from '@/components/client-currency';
import { ActiveServices } from '@/components/dashboard/active-services';
import styles from '@/components/dashboard/dashboard.module.css';
import { ExpiringDomains } from '@/components/dashboard/expiring-domains';
import { OpenTickets } from '@/components/dashboard/open-tickets';
import { UnpaidInvoices } from '@/components/dashboard/unpaid-invoices';

// Benchmark only (BENCH_ROUTES=1): the dashboard done the slow way, as the
// baseline the real one is compared with. Each WHMCS call waits for the one
// before it and nothing is sent until the last has answered. Do not copy this.
// No metadata export: its title would show on the 404 when the route is off.

const SCAN = { offset: 0, limit: 100 };
const UNPAID = { status: 'Unpaid', orderBy: 'duedate', order: 'asc', ...SCAN } as const;
const ACTIVE_TICKETS = { status: 'All Active Tickets', ...SCAN };

export default async function SequentialDashboardPage() {
  await requireBenchRoutes();
  const { clientId } = await requireCustomer();
  const invoices = await listInvoices(clientId, UNPAID);
  const currency = await clientCurrency(clientId);
  const services = await listServices(clientId, SCAN);
  const tickets = await listTickets(clientId, ACTIVE_TICKETS);
  const domains = await listDomains(clientId, SCAN);

  return (
    <main id="main" className="portal-main">
      <div className="page">
        <PageHeader title="Dashboard" />
        <div className={styles.grid}>
          <Card title="Unpaid invoices">
            <UnpaidInvoices invoices={invoices} currency={currency} />
          </Card>
          <Card title="Active services">
            <ActiveServices services={services} currency={currency} />
          </Card>
          <Card title="Open tickets">
            <OpenTickets tickets={tickets} />
          </Card>
          <Card title="Domains expiring soon">
            <ExpiringDomains domains={domains} />
          </Card>
        </div>
      </div>
    </main>
  );
}
