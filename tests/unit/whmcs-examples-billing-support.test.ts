import { describe, expect, it } from 'vitest';
import { parseExample as parse, utc } from '../support/whmcs-examples';

describe('GetInvoices', () => {
  it('maps integer paging', () => {
    const page = parse('GetInvoices');

    expect([page.total, page.offset]).toEqual([1, 0]);
  });

  it('maps an invoice row, its owner, zero dates and currency', () => {
    expect(parse('GetInvoices').rows).toEqual([
      {
        ownerId: 1,
        value: {
          id: 1,
          number: '1',
          issuedOn: utc('2016-01-01'),
          dueOn: utc('2016-01-08'),
          paidOn: null,
          subtotal: '15.95',
          credit: '0.00',
          tax: '0.00',
          total: '15.95',
          status: 'Unpaid',
          paymentMethod: 'PayPal',
          currency: { code: 'USD', prefix: '$', suffix: ' USD' },
        },
      },
    ]);
  });
});

describe('GetInvoice', () => {
  it('maps the invoice with its owner, amounts and zero dates', () => {
    expect(parse('GetInvoice')).toMatchObject({
      id: 1,
      clientId: 2361,
      number: '1',
      issuedOn: utc('2016-01-01'),
      dueOn: utc('2020-12-30'),
      paidOn: null,
      subtotal: '15.95',
      tax2: '0.00',
      taxRate: '0.000',
      total: '15.95',
      balance: '15.95',
      status: 'Unpaid',
      notes: '',
    });
  });

  it('maps nested items with a 0/1 taxed flag', () => {
    expect(parse('GetInvoice').items).toEqual([
      {
        id: 1,
        type: 'Hosting',
        description: 'Sample Monthly Product (01/01/2016 - 31/01/2016)',
        amount: '15.95',
        taxed: false,
      },
    ]);
  });

  it('reads transactions sent as "" as none', () => {
    expect(parse('GetInvoice').transactions).toEqual([]);
  });
});

describe('GetTickets', () => {
  it('maps a ticket row with string ids and its owner', () => {
    expect(parse('GetTickets').rows).toEqual([
      {
        ownerId: 1,
        value: {
          id: 1,
          number: '516757',
          departmentId: 1,
          subject: 'This is a sample ticket',
          status: 'Answered',
          priority: 'Medium',
          openedAt: utc('2016-01-01 06:26:29'),
          lastReplyAt: utc('2016-01-01 06:30:16'),
        },
      },
    ]);
  });
});

describe('GetTicket', () => {
  it('maps the ticket header and owner', () => {
    expect(parse('GetTicket')).toMatchObject({
      id: 1,
      number: '516757',
      clientId: 1,
      departmentId: 1,
      departmentName: 'Sample Support Department',
      status: 'Closed',
    });
  });

  it('takes reply 0 as the opening message, with \\r\\n turned into \\n', () => {
    const [opening] = parse('GetTicket').messages;

    expect(opening).toEqual({
      id: 0,
      author: 'Cynthia Reilly',
      fromStaff: false,
      postedAt: utc('2016-01-01 06:26:29'),
      text: 'Hey, \n\nThis is the first ticket message!\n\nThanks\n\nCynthia',
      attachments: ['attachment_name.png'],
    });
  });

  it('marks an Operator reply as from staff and drops the empty attachment placeholder', () => {
    const reply = parse('GetTicket').messages[1];

    expect(reply).toMatchObject({
      id: 1,
      author: 'Demo Admin',
      fromStaff: true,
      attachments: [],
    });
  });

  it('keeps the conversation in order and leaves staff notes out', () => {
    const messages = parse('GetTicket').messages;

    expect(messages.map((m) => m.id)).toEqual([0, 1, 2]);
    expect(messages.some((m) => m.text.includes('ticket note'))).toBe(false);
  });
});

describe('GetSupportDepartments', () => {
  it('maps departments with string ids', () => {
    expect(parse('GetSupportDepartments')).toEqual([
      { id: 1, name: 'Sample Support Department' },
    ]);
  });
});
