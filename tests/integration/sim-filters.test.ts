import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@/whmcs-sim/server';
import { api, at, TEST_NOW } from '../support/sim-http';

let running: RunningSimulator;
beforeAll(async () => {
  running = await startSimulator({ now: TEST_NOW });
});
afterAll(() => running.close());

type Row = Record<string, unknown>;
const call = (action: string, fields: Record<string, string> = {}) =>
  api(running.url, action, fields);
const rows = (answer: unknown, ...path: string[]) => (at(answer, ...path) ?? []) as Row[];

describe('simulator filters, ordering and paging', () => {
  it('filters invoices by status', async () => {
    const paid = rows(
      await call('GetInvoices', { userid: '1', status: 'Paid', limitnum: '100' }),
      'invoices',
      'invoice',
    );

    expect(paid.length).toBeGreaterThan(25);
    expect(paid.every((i) => i.status === 'Paid' && i.userid === 1)).toBe(true);
  });

  it('orders invoices by the requested field and direction', async () => {
    const answer = await call('GetInvoices', {
      userid: '1',
      orderby: 'total',
      order: 'desc',
      limitnum: '100',
    });
    const totals = rows(answer, 'invoices', 'invoice').map((i) => Number(i.total));

    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });

  it('selects tickets awaiting a reply: Open and Customer-Reply only', async () => {
    const answer = await call('GetTickets', {
      status: 'Awaiting Reply',
      limitnum: '200',
    });
    const statuses = new Set(rows(answer, 'tickets', 'ticket').map((t) => t.status));

    expect(statuses).toEqual(new Set(['Open', 'Customer-Reply']));
  });

  it('selects all active tickets: everything but Closed', async () => {
    const answer = await call('GetTickets', {
      status: 'All Active Tickets',
      limitnum: '200',
    });
    const statuses = new Set(rows(answer, 'tickets', 'ticket').map((t) => t.status));

    expect(statuses).toEqual(
      new Set(['Open', 'Answered', 'Customer-Reply', 'On Hold', 'In Progress']),
    );
  });

  it('filters tickets by department and client', async () => {
    const answer = await call('GetTickets', { clientid: '1', deptid: '3' });
    const tickets = rows(answer, 'tickets', 'ticket');

    expect(tickets.length).toBeGreaterThan(0);
    expect(tickets.every((t) => t.deptid === '3' && t.userid === '1')).toBe(true);
  });

  it('filters services by id and product, echoing only filters sent', async () => {
    const byId = await call('GetClientsProducts', { serviceid: '3' });
    const byProduct = rows(
      await call('GetClientsProducts', { clientid: '1', pid: '3' }),
      'products',
      'product',
    );

    expect(byId).toMatchObject({
      clientid: null,
      serviceid: '3',
      pid: null,
      domain: null,
      totalresults: '1',
    });
    expect(byProduct.length).toBeGreaterThan(0);
    expect(byProduct.every((s) => s.pid === '3' && s.clientid === '1')).toBe(true);
  });

  it('pages services with limitstart and limitnum', async () => {
    const page = await call('GetClientsProducts', {
      clientid: '1',
      limitstart: '10',
      limitnum: '3',
    });

    expect(page).toMatchObject({ totalresults: '14', startnumber: 10, numreturned: 3 });
    expect(rows(page, 'products', 'product').map((s) => s.id)).toEqual([
      '11',
      '12',
      '13',
    ]);
  });

  it('returns domains with every value a string, paging included', async () => {
    const page = await call('GetClientsDomains', { clientid: '1', limitnum: '2' });

    expect(page).toMatchObject({
      clientid: '1',
      domainid: '',
      totalresults: '8',
      startnumber: '0',
      numreturned: '2',
    });
  });

  it('searches users by part of a name', async () => {
    const answer = await call('GetUsers', { search: 'moreau' });

    expect(rows(answer, 'users').map((u) => u.email)).toEqual(['alice@kraken.example']);
  });

  it.each([
    [{ user_id: '999', client_id: '1' }, 'Invalid user id'],
    [{ user_id: '1', client_id: '999' }, 'Invalid client id'],
    [{ user_id: '1', client_id: '2' }, 'User is not associated with client'],
  ])('refuses GetUserPermissions %j with "%s"', async (fields, message) => {
    expect(await call('GetUserPermissions', fields)).toEqual({
      result: 'error',
      message,
    });
  });

  it.each([
    ['GetClientsDetails', { clientid: '999' }, 'Client Not Found'],
    ['GetTicket', { ticketid: '999' }, 'Ticket ID Not Found'],
    ['GetInvoice', { invoiceid: '1' }, 'Invoice ID Not Found'],
  ])('answers %s for an unknown record with "%s"', async (action, fields, message) => {
    expect(await call(action, fields)).toEqual({ result: 'error', message });
  });

  it('computes an overdue balance net of a part payment', async () => {
    const partly = running.sim.state.invoices.find(
      (i) =>
        i.clientId === 1 &&
        i.status === 'Unpaid' &&
        running.sim.state.transactions.some((t) => t.invoiceId === i.id),
    );

    const answer = await call('GetInvoice', { invoiceid: String(partly?.id) });

    expect(Number(answer.total) - Number(answer.balance)).toBeCloseTo(5);
  });
});
