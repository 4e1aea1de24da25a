// Ordinary customers: a few services, domains, invoices and tickets each, drawn
// from the seeded PRNG so every run with the same seed builds the same company.
import type { Client, InvoiceStatus, ServiceStatus, TicketStatus } from './model';
import { addInvoice, serviceItem } from './seed-billing';
import { addDomain, addService } from './seed-hosting';
import { asciiSlug, daysFromNow, type SeedContext } from './seed-kit';
import { addTicket } from './seed-support';

const LIVE: ServiceStatus[] = [
  'Active',
  'Active',
  'Active',
  'Active',
  'Suspended',
  'Pending',
];
const ENDED: ServiceStatus[] = ['Terminated', 'Cancelled', 'Completed', 'Fraud'];
const INVOICE_MIX: InvoiceStatus[] = [
  'Paid',
  'Paid',
  'Paid',
  'Paid',
  'Unpaid',
  'Cancelled',
];
const TICKET_MIX: TicketStatus[] = [
  'Closed',
  'Closed',
  'Answered',
  'Open',
  'Customer-Reply',
  'On Hold',
  'In Progress',
];

const TOPICS: [deptId: number, subject: string, body: string][] = [
  [2, 'Site is slow in the evenings', 'Pages take ten seconds to load after 6pm.'],
  [
    2,
    'Cannot log in to the control panel',
    'The panel says my password is wrong after the reset.',
  ],
  [1, 'Do you offer managed backups?', 'We would like daily off-site backups.'],
  [
    3,
    'Change billing address',
    'We moved offices; please update the address on invoices.',
  ],
  [3, 'Card payment declined', 'My card was declined although it has funds.'],
  [2, 'Email going to spam', 'Messages from our domain land in spam at large providers.'],
];

function seedCustomerHosting(ctx: SeedContext, client: Client): number[] {
  const slug = asciiSlug(client.companyname || `${client.firstname}-${client.lastname}`);
  const pool = client.status === 'Active' ? LIVE : ENDED;
  const ids: number[] = [];
  const count = ctx.rng.int(1, 3);
  for (let i = 0; i < count; i += 1) {
    const domain = i === 0 ? `${slug}.example` : `${slug}-${i + 1}.example`;
    const productId = ctx.rng.pick([1, 1, 2, 2, 3, 4, 5, 6, 7]);
    const status = productId === 6 ? 'Completed' : ctx.rng.pick(pool);
    ids.push(
      addService(ctx, client.id, [productId, status, domain, ctx.rng.int(20, 1500)]).id,
    );
  }
  if (ctx.rng.next() < 0.7) {
    const expiresIn = ctx.rng.next() < 0.25 ? ctx.rng.int(1, 29) : ctx.rng.int(31, 700);
    addDomain(ctx, client.id, [
      `${slug}.example`,
      client.status === 'Closed' ? 'Cancelled' : 'Active',
      expiresIn,
    ]);
  }

  return ids;
}

function seedCustomerBilling(
  ctx: SeedContext,
  client: Client,
  serviceIds: number[],
): void {
  const services = ctx.state.services.filter((s) => serviceIds.includes(s.id));
  for (let i = ctx.rng.int(1, 6); i >= 1; i -= 1) {
    const status = ctx.rng.pick(INVOICE_MIX);
    const dateDays =
      status === 'Unpaid' ? -ctx.rng.int(0, 40) : -(i * 30 + ctx.rng.int(0, 5));
    const start = daysFromNow(ctx, dateDays + 7);
    const items = services.slice(0, 2).map((s) => serviceItem(s, start));
    if (items.length > 0) addInvoice(ctx, client.id, { status, dateDays, items });
  }
}

function seedCustomerTickets(ctx: SeedContext, client: Client): void {
  for (let i = ctx.rng.int(0, 3); i > 0; i -= 1) {
    const [deptId, subject, body] = ctx.rng.pick(TOPICS);
    const status = ctx.rng.pick(TICKET_MIX);
    const messages =
      status === 'Open' ? [body] : [body, 'Thanks for reaching out; we are on it.'];
    if (status === 'Customer-Reply') messages.push('Any news?');
    addTicket(ctx, client.id, {
      deptId,
      subject,
      status,
      messages,
      ageDays: ctx.rng.int(1, 400),
    });
  }
}

export function seedCustomerActivity(ctx: SeedContext, firstClientId: number): void {
  for (const client of ctx.state.clients.filter((c) => c.id >= firstClientId)) {
    const serviceIds = seedCustomerHosting(ctx, client);
    seedCustomerBilling(ctx, client, serviceIds);
    seedCustomerTickets(ctx, client);
  }
}
