// The demo accounts' billing and support history: hand-written enough to tell a
// story, generated enough to need paging (Moreau Design has 39 invoices).
import type { SimState } from './state';
import { addInvoice, domainItem, serviceItem, type InvoiceSpec } from './seed-billing';
import { daysFromNow, type SeedContext } from './seed-kit';
import { addTicket } from './seed-support';
import { DEMO_TICKETS, HOSTILE_MESSAGE, HOSTILE_STAFF_REPLY } from './seed-demo-tickets';
import { nextReplyId } from './state';
import { addDays, ymdHms } from './util';

function service(state: SimState, id: number) {
  const found = state.services.find((s) => s.id === id);
  if (!found) throw new Error(`seed: service ${id} missing`);

  return found;
}

function domain(state: SimState, id: number) {
  const found = state.domains.find((d) => d.id === id);
  if (!found) throw new Error(`seed: domain ${id} missing`);

  return found;
}

type Plan = [
  status: InvoiceSpec['status'],
  dateDays: number,
  serviceIds: number[],
  extra?: Partial<InvoiceSpec>,
];

/** Alice's invoices beyond the monthly paid run: every status, two overdue. */
const ALICE_SPECIAL: Plan[] = [
  ['Unpaid', -3, [3, 5]],
  ['Unpaid', 0, [4], { termDays: 14 }],
  ['Unpaid', -20, [7]],
  ['Unpaid', -50, [2, 13], { partialCents: 500 }],
  ['Cancelled', -200, [9]],
  ['Cancelled', -400, [8]],
  ['Refunded', -150, [10]],
  ['Draft', 0, [14]],
  ['Payment Pending', -2, [1], { gateway: 'banktransfer' }],
];

const MONTHLY = [1, 2, 3, 4, 5, 13, 14];

function planInvoices(ctx: SeedContext, clientId: number, plans: Plan[]): void {
  for (const [status, dateDays, ids, extra] of plans) {
    const start = daysFromNow(ctx, dateDays + 7);
    const items = ids.map((id) => serviceItem(service(ctx.state, id), start));
    addInvoice(ctx, clientId, { status, dateDays, items, ...extra });
  }
}

function seedAliceBilling(ctx: SeedContext): void {
  for (let month = 30; month >= 1; month -= 1) {
    const picks = [
      MONTHLY[month % MONTHLY.length],
      MONTHLY[(month + 3) % MONTHLY.length],
    ];
    const plan: Plan = [
      'Paid',
      -(month * 30 + 2),
      picks.filter((id) => id !== undefined),
    ];
    planInvoices(ctx, 1, [plan]);
    if (month % 12 === 0) {
      const start = daysFromNow(ctx, -(month * 30));
      addInvoice(ctx, 1, {
        status: 'Paid',
        dateDays: -(month * 30 + 9),
        items: [domainItem(domain(ctx.state, 1), start)],
      });
    }
  }
  planInvoices(ctx, 1, ALICE_SPECIAL);
}

function paidRun(serviceIds: number[], months: number): Plan[] {
  return Array.from({ length: months }, (_, i): Plan => [
    'Paid',
    -((months - i) * 30 + 1),
    serviceIds,
  ]);
}

export function seedDemoBilling(ctx: SeedContext): void {
  seedAliceBilling(ctx);
  planInvoices(ctx, 2, [...paidRun([15], 6), ['Unpaid', -1, [15, 16]]]);
  planInvoices(ctx, 3, [
    ...paidRun([17, 18], 8),
    ['Unpaid', -35, [19]],
    ['Collections', -120, [19]],
  ]);
  planInvoices(ctx, 4, [...paidRun([20], 4), ['Unpaid', -2, [20]]]);
}

export function seedDemoTickets(ctx: SeedContext): void {
  for (const [clientId, spec] of DEMO_TICKETS) {
    const ticket = addTicket(ctx, clientId, spec);
    if (spec.messages[0] === HOSTILE_MESSAGE) {
      const date = ymdHms(addDays(new Date(`${ticket.date.replace(' ', 'T')}Z`), 1 / 24));
      ticket.messages.push({
        id: nextReplyId(ctx.state),
        requestorType: 'Operator',
        name: '',
        email: '',
        admin: 'Marta Kowalski',
        date,
        message: HOSTILE_STAFF_REPLY,
        attachment: '',
      });
      ticket.lastreply = date;
    }
  }
}
