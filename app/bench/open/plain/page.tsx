import { requireBenchRoutes } from '@/lib/bench-routes';
import { rawCall } from '@/lib/whmcs/raw';

// Benchmark only (BENCH_ROUTES=1): the throughput baseline for the dashboard.
// The same six WHMCS calls for client 1 (its five sections and the header's
// user look-up), with no sign-in, no guard, no schema, no ownership check and
// no streaming: what a bare Next.js page costs.

const CLIENT = 1;
const EMAIL = 'alice@kraken.example';
const SCAN = { limitstart: 0, limitnum: 100 };
const SHOWN = 5;

type Row = Record<string, unknown>;

/** `answer[outer][inner]` as rows, read without any checking. */
function rows(answer: unknown, outer: string, inner: string): Row[] {
  const list = (answer as Record<string, Record<string, Row[]> | undefined>)[outer];
  return list?.[inner]?.slice(0, SHOWN) ?? [];
}

function List({ title, items, field }: { title: string; items: Row[]; field: string }) {
  return (
    <section>
      <h2>{title}</h2>
      <ul>
        {items.map((item, index) => (
          <li key={index}>{String(item[field] ?? '')}</li>
        ))}
      </ul>
    </section>
  );
}

export default async function PlainPage() {
  await requireBenchRoutes();
  const [invoices, client, services, tickets, domains, users] = await Promise.all([
    rawCall('GetInvoices', {
      userid: CLIENT,
      status: 'Unpaid',
      orderby: 'duedate',
      order: 'asc',
      ...SCAN,
    }),
    rawCall('GetClientsDetails', { clientid: CLIENT }),
    rawCall('GetClientsProducts', { clientid: CLIENT, ...SCAN }),
    rawCall('GetTickets', {
      clientid: CLIENT,
      ignore_dept_assignments: true,
      status: 'All Active Tickets',
      ...SCAN,
    }),
    rawCall('GetClientsDomains', { clientid: CLIENT, ...SCAN }),
    rawCall('GetUsers', { search: EMAIL, limitnum: 100 }),
  ]);
  const currency = (client as Row).currency_code;

  return (
    <main id="main">
      <h1>Plain page ({String(currency)})</h1>
      <List
        title="Users"
        items={(users as { users?: Row[] }).users ?? []}
        field="email"
      />
      <List
        title="Unpaid invoices"
        items={rows(invoices, 'invoices', 'invoice')}
        field="total"
      />
      <List title="Services" items={rows(services, 'products', 'product')} field="name" />
      <List
        title="Open tickets"
        items={rows(tickets, 'tickets', 'ticket')}
        field="subject"
      />
      <List
        title="Domains"
        items={rows(domains, 'domains', 'domain')}
        field="domainname"
      />
    </main>
  );
}
