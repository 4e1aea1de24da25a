import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS } from '@/whmcs-sim/demo-accounts';
import { startSimulator, type RunningSimulator } from '@/whmcs-sim/server';
import { api, at, TEST_NOW, type Json } from '../support/sim-http';

let running: RunningSimulator;
beforeAll(async () => {
  running = await startSimulator({ now: TEST_NOW });
});
afterAll(() => running.close());

const open = (fields: Record<string, string>) =>
  api(running.url, 'OpenTicket', {
    deptid: '2',
    subject: 'New',
    message: 'Hello',
    ...fields,
  });
const ticket = (id: unknown) => api(running.url, 'GetTicket', { ticketid: String(id) });
const replies = (answer: Json) => at(answer, 'replies', 'reply') as Json[];

describe('simulator tickets are stateful', () => {
  it('lists a ticket opened through OpenTicket, newest first', async () => {
    const opened = await open({ clientid: '1', subject: 'Printer on fire' });

    const list = await api(running.url, 'GetTickets', { clientid: '1' });

    expect(opened.result).toBe('success');
    expect(at(list, 'tickets', 'ticket', 0)).toMatchObject({
      id: opened.id,
      tid: opened.tid,
      c: opened.c,
      subject: 'Printer on fire',
      status: 'Open',
      requestor_type: 'Owner',
    });
  });

  it('shows the opening message as reply 0, found by id or ticket number', async () => {
    const opened = await open({
      clientid: '2',
      message: 'Line one\r\n<b>kept as typed</b>',
    });

    const byId = await ticket(opened.id);
    const byNumber = await api(running.url, 'GetTicket', {
      ticketnum: String(opened.tid),
    });

    expect(replies(byId)).toHaveLength(1);
    expect(replies(byId)[0]).toMatchObject({
      replyid: '0',
      message: 'Line one\r\n<b>kept as typed</b>',
    });
    expect(byNumber).toEqual(byId);
  });

  it('marks a ticket opened by a non-owner user as an authorised user', async () => {
    const opened = await open({ clientid: '1', userid: '3' });

    const answer = await ticket(opened.id);

    expect(answer.name).toBe('Theo Laurent');
    expect(replies(answer)[0]?.requestor_type).toBe('Authorized User');
  });

  it('appends a customer reply and sets Customer-Reply', async () => {
    const opened = await open({ clientid: '1' });

    await api(running.url, 'AddTicketReply', {
      ticketid: String(opened.id),
      clientid: '1',
      message: 'Any news?',
    });

    const answer = await ticket(opened.id);
    expect(answer.status).toBe('Customer-Reply');
    expect(replies(answer).map((r) => r.message)).toEqual(['Hello', 'Any news?']);
  });

  it('sets Answered after a staff reply and honours an explicit status', async () => {
    const opened = await open({ clientid: '1' });
    const id = String(opened.id);

    await api(running.url, 'AddTicketReply', {
      ticketid: id,
      adminusername: 'Ines',
      message: 'On it',
    });
    const answered = await ticket(id);
    await api(running.url, 'AddTicketReply', {
      ticketid: id,
      clientid: '1',
      message: 'Thanks',
      status: 'Closed',
    });
    const closed = await ticket(id);

    expect(answered.status).toBe('Answered');
    expect(replies(answered)[1]).toMatchObject({
      requestor_type: 'Operator',
      admin: 'Ines',
    });
    expect(closed.status).toBe('Closed');
  });

  it.each([
    [{ deptid: '99', clientid: '1' }, 'Department ID not found'],
    [{ subject: '', clientid: '1' }, 'Subject is required'],
    [{ message: '', clientid: '1' }, 'Message is required'],
    [{ clientid: '9999' }, 'Client ID Not Found'],
    [{ name: 'Guest' }, 'Name and email address are required if not a client'],
    [{ clientid: '1', serviceid: '9999' }, 'Service ID Not Found'],
    [{ clientid: '2', userid: '3' }, 'The system cannot find the provided user ID.'],
  ])('refuses OpenTicket %j with "%s" and stores nothing', async (fields, message) => {
    const before = running.sim.state.tickets.length;

    const answer = await open(fields);

    expect(answer).toEqual({ result: 'error', message });
    expect(running.sim.state.tickets).toHaveLength(before);
  });

  it('refuses a reply to an unknown ticket or with an unknown status', async () => {
    const missing = await api(running.url, 'AddTicketReply', {
      ticketid: '9999',
      clientid: '1',
      message: 'x',
    });
    const badStatus = await api(running.url, 'AddTicketReply', {
      ticketid: '1',
      clientid: '1',
      message: 'x',
      status: 'Done',
    });

    expect(missing.message).toBe('Ticket ID not found');
    expect(badStatus.message).toBe('Invalid Ticket Status');
  });
});

describe('ticket visibility follows the API admin department assignments', () => {
  let limited: RunningSimulator;
  beforeAll(async () => {
    const credentials = { ...DEFAULT_CREDENTIALS, departments: [1, 2] };
    limited = await startSimulator({ now: TEST_NOW, credentials });
  });
  afterAll(() => limited.close());

  it('hides Billing tickets unless ignore_dept_assignments is set', async () => {
    const hidden = await api(limited.url, 'GetTickets', { clientid: '1', deptid: '3' });
    const shown = await api(limited.url, 'GetTickets', {
      clientid: '1',
      deptid: '3',
      ignore_dept_assignments: '1',
    });

    expect(hidden.totalresults).toBe('0');
    expect(Number(shown.totalresults)).toBeGreaterThan(0);
  });

  it('lists only assigned departments unless told to ignore them', async () => {
    const assigned = await api(limited.url, 'GetSupportDepartments');
    const all = await api(limited.url, 'GetSupportDepartments', {
      ignore_dept_assignments: 'true',
    });

    expect(assigned.totalresults).toBe(2);
    expect(all.totalresults).toBe(3);
  });
});
