import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_STATUSES, INVOICE_STATUSES, TICKET_STATUSES } from '@/whmcs-sim/model';
import { buildSeed } from '@/whmcs-sim/seed';
import { startSimulator, type RunningSimulator } from '@/whmcs-sim/server';
import { addDays, ymd } from '@/whmcs-sim/util';
import { api, at, TEST_NOW, type Json } from '../support/sim-http';

let running: RunningSimulator;
beforeAll(async () => {
  running = await startSimulator({ now: TEST_NOW });
});
afterAll(() => running.close());

const call = (action: string, fields: Record<string, string> = {}) =>
  api(running.url, action, fields);
const rows = (answer: unknown, ...path: (string | number)[]) =>
  (at(answer, ...path) ?? []) as Json[];
const today = ymd(TEST_NOW);

describe('seeded company', () => {
  it('has at least 30 clients, each with an owner user', async () => {
    const users = await call('GetUsers', { limitnum: '100' });
    const links = rows(users, 'users').flatMap((u) => rows(u, 'clients'));
    const owned = new Set(links.filter((l) => l.isOwner).map((l) => l.id));

    expect(running.sim.state.clients.length).toBeGreaterThanOrEqual(30);
    expect(owned.size).toBe(running.sim.state.clients.length);
  });

  it('has services in every status and the advertised products', async () => {
    const all = await call('GetClientsProducts', { limitnum: '500' });
    const services = rows(all, 'products', 'product');

    expect(new Set(services.map((s) => s.status))).toEqual(new Set(SERVICE_STATUSES));
    for (const name of ['Starter Shared', 'Business Shared', 'VPS 2GB', 'Dedicated E3']) {
      expect(services.some((s) => s.name === name)).toBe(true);
    }
  });

  it('gives the main client 12+ services and domains expiring soon', async () => {
    const services = await call('GetClientsProducts', { clientid: '1' });
    const domains = rows(
      await call('GetClientsDomains', { clientid: '1' }),
      'domains',
      'domain',
    );
    const soon = ymd(addDays(TEST_NOW, 30));

    const expiringSoon = (d: Json) =>
      d.status === 'Active' &&
      String(d.expirydate) >= today &&
      String(d.expirydate) <= soon;

    expect(Number(services.totalresults)).toBeGreaterThanOrEqual(12);
    expect(domains.filter(expiringSoon).length).toBeGreaterThanOrEqual(2);
  });

  it('has invoices in every status and overdue ones for Alice', async () => {
    const all = rows(
      await call('GetInvoices', { limitnum: '1000' }),
      'invoices',
      'invoice',
    );
    const overdue = await call('GetInvoices', { userid: '1', status: 'Overdue' });
    const overdueRows = rows(overdue, 'invoices', 'invoice');

    expect(new Set(all.map((i) => i.status))).toEqual(new Set(INVOICE_STATUSES));
    expect(overdueRows.length).toBeGreaterThanOrEqual(2);
    expect(
      overdueRows.every((i) => i.status === 'Unpaid' && String(i.duedate) < today),
    ).toBe(true);
  });

  it("pages Alice's 25+ invoices in two pages without overlap", async () => {
    const first = await call('GetInvoices', { userid: '1' });
    const second = await call('GetInvoices', { userid: '1', limitstart: '25' });
    const ids = [
      ...rows(first, 'invoices', 'invoice'),
      ...rows(second, 'invoices', 'invoice'),
    ].map((i) => i.id);

    expect(first.totalresults).toBeGreaterThan(25);
    expect(first.numreturned).toBe(25);
    expect(second).toMatchObject({
      startnumber: 25,
      numreturned: Number(first.totalresults) - 25,
    });
    expect(new Set(ids).size).toBe(first.totalresults);
  });

  it('has tickets in the three departments and in every status', async () => {
    const all = rows(await call('GetTickets', { limitnum: '500' }), 'tickets', 'ticket');
    const departments = rows(
      await call('GetSupportDepartments'),
      'departments',
      'department',
    );

    expect(departments.map((d) => d.name)).toEqual([
      'Sales',
      'Technical Support',
      'Billing',
    ]);
    expect(new Set(all.map((t) => t.deptid))).toEqual(new Set(['1', '2', '3']));
    expect(new Set(all.map((t) => t.status))).toEqual(new Set(TICKET_STATUSES));
  });

  it('keeps the markup a customer typed into a ticket, verbatim', async () => {
    const list = rows(
      await call('GetTickets', { clientid: '1', subject: 'strange code' }),
      'tickets',
      'ticket',
    );
    const ticket = await call('GetTicket', { ticketid: String(list[0]?.id) });
    const message = String(at(ticket, 'replies', 'reply', 0, 'message'));

    expect(message).toContain('<script>alert(1)</script>');
    expect(message).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('seed determinism', () => {
  it('builds the same state from the same seed and now', () => {
    expect(buildSeed({ seed: 7, now: TEST_NOW })).toEqual(
      buildSeed({ seed: 7, now: TEST_NOW }),
    );
  });

  it('builds different ordinary customers from a different seed', () => {
    const a = buildSeed({ seed: 7, now: TEST_NOW });
    const b = buildSeed({ seed: 8, now: TEST_NOW });

    expect(a.clients.slice(4).map((c) => c.email)).not.toEqual(
      b.clients.slice(4).map((c) => c.email),
    );
  });

  it('keeps due dates and expiry dates relative to now', () => {
    const shift = (d: string) =>
      d === '0000-00-00' ? d : ymd(addDays(new Date(d), 400));
    const a = buildSeed({ now: TEST_NOW });
    const b = buildSeed({ now: addDays(TEST_NOW, 400) });

    expect(b.invoices.map((i) => i.duedate)).toEqual(
      a.invoices.map((i) => shift(i.duedate)),
    );
    expect(b.domains.map((d) => d.expirydate)).toEqual(
      a.domains.map((d) => shift(d.expirydate)),
    );
  });
});
