import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@/whmcs-sim/server';
import { api, at, TEST_NOW, type Json } from '../support/sim-http';

// The simulator's ticket files (OpenTicket/AddTicketReply `attachments`) and
// UpdateTicket, over real HTTP.

let running: RunningSimulator;
beforeAll(async () => {
  running = await startSimulator({ now: TEST_NOW });
});
afterAll(() => running.close());

const encode = (list: unknown) => Buffer.from(JSON.stringify(list)).toString('base64');
const file = (name: string, content: string) => ({
  name,
  data: Buffer.from(content).toString('base64'),
});
const ticket = (id: unknown) => api(running.url, 'GetTicket', { ticketid: String(id) });
const replies = (answer: Json) => at(answer, 'replies', 'reply') as Json[];
const open = (fields: Record<string, string>) =>
  api(running.url, 'OpenTicket', {
    clientid: '1',
    deptid: '2',
    subject: 'Files',
    message: 'See attached',
    ...fields,
  });

describe('ticket attachments', () => {
  it('keeps the files of a new ticket and lists them as the docs example does', async () => {
    const opened = await open({
      attachments: encode([file('screen shot.png', 'png'), file('../../etc/x.log', 'l')]),
    });

    const first = replies(await ticket(opened.id))[0];
    const stored = running.sim.state.tickets.find((t) => t.id === Number(opened.id));

    expect(first?.attachment).toMatch(/^\d{6}_screen shot\.png\|\d{6}_....etcx\.log$/);
    expect(first?.attachments).toEqual([
      { filename: 'screen shot.png', index: 0 },
      { filename: '....etcx.log', index: 1 },
    ]);
    expect(stored?.messages[0]?.files).toEqual([
      Buffer.from('png').toString('base64'),
      Buffer.from('l').toString('base64'),
    ]);
  });

  it('keeps the files of a reply', async () => {
    const opened = await open({});

    const answer = await api(running.url, 'AddTicketReply', {
      ticketid: String(opened.id),
      clientid: '1',
      message: 'Log attached',
      attachments: encode([file('error.log', 'boom')]),
    });
    const reply = replies(await ticket(opened.id))[1];

    expect(answer).toEqual({ result: 'success' });
    expect(reply?.attachments).toEqual([{ filename: 'error.log', index: 0 }]);
  });

  it.each([
    ['not base64', '%%%'],
    ['not a list', encode({ name: 'a.txt', data: 'YQ==' })],
    ['a file without data', encode([{ name: 'a.txt' }])],
    ['data that is not base64', encode([{ name: 'a.txt', data: '<script>' }])],
    ['a name with nothing safe in it', encode([file('<>|', 'x')])],
  ])('refuses %s, and opens nothing', async (_what, attachments) => {
    const before = running.sim.state.tickets.length;

    const answer = await open({ attachments });

    expect(answer.result).toBe('error');
    expect(String(answer.message)).toMatch(/^Invalid attachments/);
    expect(running.sim.state.tickets).toHaveLength(before);
  });
});

describe('UpdateTicket', () => {
  it('closes a ticket and answers with its id', async () => {
    const opened = await open({});

    const answer = await api(running.url, 'UpdateTicket', {
      ticketid: String(opened.id),
      status: 'Closed',
    });

    expect(answer).toEqual({ result: 'success', ticketid: String(opened.id) });
    expect((await ticket(opened.id)).status).toBe('Closed');
  });

  it('changes priority, subject and department, and flags', async () => {
    const opened = await open({});

    await api(running.url, 'UpdateTicket', {
      ticketid: String(opened.id),
      priority: 'High',
      subject: 'Renamed',
      deptid: '3',
      flag: '2',
    });
    const after = await ticket(opened.id);
    await api(running.url, 'UpdateTicket', {
      ticketid: String(opened.id),
      removeFlag: 'true',
    });

    expect(after).toMatchObject({
      priority: 'High',
      subject: 'Renamed',
      deptid: '3',
      flag: '2',
    });
    expect((await ticket(opened.id)).flag).toBe('0');
  });

  it.each([
    [{ ticketid: '99999' }, 'Ticket ID Not Found'],
    [{ deptid: '42' }, 'Department ID Not Found'],
    [
      { priority: 'Urgent' },
      'Invalid Ticket Priority. Valid priorities are: Low,Medium,High',
    ],
    [{ status: 'Gone' }, /^Invalid Ticket Status\. Valid statuses are: Open,Answered,/],
  ])('refuses %j and changes nothing', async (fields, message) => {
    const opened = await open({});
    const before = await ticket(opened.id);

    const answer = await api(running.url, 'UpdateTicket', {
      ticketid: String(opened.id),
      ...fields,
    });

    expect(answer.result).toBe('error');
    expect(String(answer.message)).toMatch(message);
    expect(await ticket(opened.id)).toEqual(before);
  });
});

describe('the seeded staff reply with hostile Markdown', () => {
  it('answers the ticket with customer markup, after the opening message', async () => {
    const list = await api(running.url, 'GetTickets', {
      clientid: '1',
      subject: 'strange code',
    });
    const id = at(list, 'tickets', 'ticket', 0, 'id');

    const [opening, staff] = replies(await ticket(id));

    expect(opening?.message).toContain('<script>alert(1)</script>');
    expect(staff).toMatchObject({ requestor_type: 'Operator', admin: 'Marta Kowalski' });
    expect(staff?.message).toContain('(javascript:alert(document.domain))');
    expect(String(staff?.date) > String(opening?.date)).toBe(true);
  });
});
