// The conformance table: for each action, the calls to make against seeded
// records and every documented departure from the official example.
import type { SimState } from '@/whmcs-sim/state';
import { shapeOf, type Allowance, type Shape } from './json-shape';
import { at, example } from './sim-http';

// Partial: TypeScript widens the literal lists below to objects with optional keys.
export type Fields = Partial<Record<string, string>>;

export const defined = (fields: Fields) =>
  Object.fromEntries(
    Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined),
  );

export type Case = {
  action: string;
  calls: (state: SimState) => Fields[];
  /** Lists that must be non-empty in some answer, so their elements were compared. */
  lists?: (string | number)[][];
  allow?: Allowance[];
};

const invoiceOf = (state: SimState, status: string, clientId?: number) =>
  String(
    state.invoices.find(
      (i) => i.status === status && (!clientId || i.clientId === clientId),
    )?.id,
  );

/** Ticket files the way WHMCS takes them: base64 of a JSON list of {name, data}. */
const files = (...names: string[]) =>
  Buffer.from(
    JSON.stringify(
      names.map((name) => ({
        name,
        data: Buffer.from(`file ${name}`).toString('base64'),
      })),
    ),
  ).toString('base64');

const stringList: Shape = { type: 'array', items: [{ type: 'string' }] };
const emptyList: Shape = { type: 'array', items: [] };

// Every departure from an official example is listed here with its reason.
export const CASES: Case[] = [
  {
    action: 'ValidateLogin',
    calls: () =>
      ['alice', 'sam', 'contractor', 'secure'].map((name) => ({
        email: `${name}@kraken.example`,
        password2: 'KrakenDemo!2026',
      })),
    allow: [{ path: 'passwordhash', missing: true, why: 'a 2FA user gets no hash' }],
  },
  {
    action: 'GetUsers',
    calls: () => [{}, { search: 'okafor' }, { limitstart: '25' }],
    lists: [['users'], ['users', 0, 'clients']],
  },
  {
    action: 'GetUserPermissions',
    calls: () => [
      { user_id: '1', client_id: '1' },
      { user_id: '3', client_id: '1' },
      { user_id: '2', client_id: '3' },
    ],
    allow: [
      // The docs' example shows `result` only; installations also list the permissions.
      { path: 'permissions', extra: stringList, why: 'real installs return the list' },
    ],
  },
  {
    action: 'GetClientsDetails',
    calls: () => [
      ...['1', '2', '3', '4', '17'].map((clientid) => ({ clientid, stats: 'true' })),
      { email: 'sam@kraken.example', stats: 'true' },
      { clientid: '2' },
    ],
    lists: [
      ['client', 'users', 'user'],
      ['client', 'customfields'],
    ],
    allow: [{ path: 'stats', missing: true, why: 'sent only with stats=true' }],
  },
  {
    action: 'GetClientsProducts',
    calls: () => [
      { clientid: '1' },
      { clientid: '3' },
      { serviceid: '5' },
      { clientid: '1', pid: '3' },
      { domain: 'moreau-design.example' },
      {},
    ],
    lists: [
      ['products', 'product'],
      ['products', 'product', 0, 'configoptions', 'configoption'],
    ],
    // Filters echo what was sent; the example shows only unsent ones (null) and clientid.
    allow: [
      { path: 'clientid', alternative: { type: 'null' }, why: 'clientid not sent' },
      ...['serviceid', 'pid', 'domain'].map((path) => ({
        path,
        alternative: { type: 'string' } as const,
        why: 'filter sent, echoed as given',
      })),
    ],
  },
  {
    action: 'GetClientsDomains',
    calls: () => [{ clientid: '1' }, { domainid: '3' }, { clientid: '3', limitnum: '1' }],
    lists: [['domains', 'domain']],
  },
  {
    action: 'GetInvoices',
    calls: () => [
      { userid: '1' },
      { userid: '1', status: 'Overdue' },
      { status: 'Paid', limitstart: '10' },
      {},
    ],
    lists: [['invoices', 'invoice']],
  },
  {
    action: 'GetInvoice',
    calls: (state) =>
      ['Paid', 'Unpaid', 'Refunded', 'Cancelled', 'Draft', 'Collections'].map(
        (status) => ({
          invoiceid: invoiceOf(state, status),
        }),
      ),
    lists: [['items', 'item']],
    allow: [
      {
        path: 'transactions',
        // The example has no payments (""); paid invoices nest rows like GetTransactions.
        alternative: shapeOf({
          transaction: [at(example('GetTransactions'), 'transactions', 'transaction', 0)],
        }),
        why: 'an invoice with payments',
      },
    ],
  },
  {
    action: 'GetTransactions',
    calls: (state) => [
      { clientid: '1' },
      { invoiceid: invoiceOf(state, 'Refunded') },
      { clientid: '1', invoiceid: invoiceOf(state, 'Paid', 1) },
    ],
    lists: [['transactions', 'transaction']],
  },
  {
    action: 'GetTickets',
    calls: () => [
      { clientid: '1' },
      { status: 'Awaiting Reply' },
      { deptid: '3', ignore_dept_assignments: '1' },
    ],
    lists: [['tickets', 'ticket']],
    allow: [
      {
        path: 'tickets.ticket[].attachments[]',
        alternative: emptyList,
        why: 'no attachment: [[]], as the GetTicket example shows for replies',
      },
    ],
  },
  {
    action: 'GetTicket',
    calls: (state) => [
      ...['1', '2', '3', '7'].map((ticketid) => ({ ticketid })),
      { ticketnum: state.tickets[4]?.tid ?? '' },
    ],
    lists: [
      ['replies', 'reply'],
      ['notes', 'note'],
    ],
    allow: [
      {
        path: 'replies.reply[].rating',
        extra: { type: 'string' },
        why: 'the example gives every reply after the opening message a rating',
      },
      {
        path: 'replies.reply[].attachments[]',
        alternative: emptyList,
        why: 'no attachment: [[]], as in the example reply 1',
      },
    ],
  },
  {
    action: 'GetSupportDepartments',
    calls: () => [{}, { ignore_dept_assignments: '1' }],
    lists: [['departments', 'department']],
  },
  {
    action: 'OpenTicket',
    calls: () => [
      { clientid: '1', deptid: '2', subject: 'Conformance', message: 'Hello' },
      {
        clientid: '1',
        userid: '3',
        deptid: '2',
        subject: 'With files',
        message: 'See **attached**',
        markdown: '1',
        priority: 'High',
        serviceid: '1',
        attachments: files('screenshot.png', 'error.log'),
      },
      {
        name: 'Guest',
        email: 'guest@mail.example',
        deptid: '1',
        subject: 'Hi',
        message: 'Hi',
      },
    ],
  },
  {
    action: 'AddTicketReply',
    calls: () => [
      { ticketid: '1', clientid: '1', message: 'Any news?' },
      { ticketid: '2', adminusername: 'Marta Kowalski', message: 'Looking now.' },
      {
        ticketid: '1',
        clientid: '1',
        userid: '1',
        message: 'Log attached',
        markdown: '1',
        attachments: files('error.log'),
      },
    ],
  },
  {
    action: 'UpdateTicket',
    calls: () => [
      { ticketid: '1', status: 'Closed' },
      { ticketid: '2', priority: 'High', subject: 'Renamed', deptid: '3' },
    ],
  },
  {
    action: 'CreateSsoToken',
    calls: () => [
      { client_id: '1', user_id: '1' },
      {
        client_id: '1',
        destination: 'sso:custom_redirect',
        sso_redirect_path: 'viewinvoice.php?id=1',
      },
    ],
  },
  {
    action: 'GetProducts',
    calls: () => [{}, { gid: '1' }, { pid: '3' }, { pid: '1,8' }, { module: 'cpanel' }],
    lists: [
      ['products', 'product'],
      ['products', 'product', 0, 'configoptions', 'configoption'],
    ],
    allow: [
      {
        path: 'products.product[].configoptions.configoption[].options.option[].rawName',
        alternative: { type: 'string' },
        why: 'the example leaves it null; an option with a plain name repeats it',
      },
    ],
  },
  {
    action: 'AddCancelRequest',
    calls: () => [
      { serviceid: '1', type: 'Immediate', reason: 'Moving elsewhere' },
      { serviceid: '2' },
    ],
  },
  {
    action: 'DomainGetNameservers',
    // Domain 6 (moreau.example) has three nameservers.
    calls: () => [{ domainid: '1' }, { domainid: '6' }],
    allow: ['ns3', 'ns4', 'ns5'].map((path) => ({
      path,
      extra: { type: 'string' } as const,
      why: 'one key per nameserver the domain has; the example has two',
    })),
  },
  {
    action: 'DomainUpdateNameservers',
    calls: () => [
      { domainid: '2', ns1: 'ns1.dns-partner.example', ns2: 'ns2.dns-partner.example' },
      { domain: 'moreau-design.example', ns1: 'a.ns.example', ns2: 'b.ns.example' },
    ],
  },
  {
    action: 'DomainGetLockingStatus',
    calls: () => [{ domainid: '1' }, { domainid: '6' }],
  },
  {
    action: 'DomainUpdateLockingStatus',
    calls: () => [
      { domainid: '3', lockstatus: '0' },
      { domainid: '3', lockstatus: '1' },
    ],
  },
  {
    action: 'DomainRequestEPP',
    // Domain 2's registrar (eNom) emails the code; domain 1's returns it.
    calls: () => [{ domainid: '2' }, { domainid: '1' }],
    allow: [
      {
        path: 'eppcode',
        extra: { type: 'string' },
        why: 'registrars that return the code (the example is one that emails it)',
      },
    ],
  },
  {
    action: 'UpdateClientDomain',
    calls: () => [
      { domainid: '1', donotrenew: '1' },
      { domainid: '1', donotrenew: '0' },
    ],
  },
  {
    action: 'UpdateClient',
    calls: () => [
      { clientid: '17', city: 'Conformance', phonenumber: '7700900123' },
      { clientemail: 'secure@kraken.example', address2: 'Unit 4' },
    ],
  },
  {
    action: 'GetEmails',
    calls: () => [
      { clientid: '1' },
      { clientid: '2', limitnum: '2' },
      { clientid: '1', subject: 'invoice', limitstart: '5' },
    ],
    lists: [['emails', 'email']],
  },
  {
    action: 'ResetPassword',
    calls: () => [{ email: 'alice@kraken.example' }, { id: '2' }],
  },
  {
    action: 'GetStats',
    calls: () => [{}, { timeline_days: '3' }],
    allow: ['new_orders', 'accepted_orders', 'income', 'expenditure', 'new_tickets'].map(
      (key) => ({
        path: `timeline_data.${key}`,
        dynamicKeys: true as const,
        why: 'keyed by date',
      }),
    ),
  },
];
