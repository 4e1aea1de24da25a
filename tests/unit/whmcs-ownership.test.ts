import { describe, expect, it } from 'vitest';
import { getInvoice, listInvoices } from '@/lib/whmcs/billing';
import { getClientDetails } from '@/lib/whmcs/clients';
import { getDomain } from '@/lib/whmcs/domains';
import { WhmcsError, WhmcsInvalidError, WhmcsNotFoundError } from '@/lib/whmcs/errors';
import { getService } from '@/lib/whmcs/services';
import { getTicket, listTickets } from '@/lib/whmcs/support';
import { exampleText } from '../support/whmcs-examples';
import { fakeWhmcs, json, raw } from '../support/whmcs-fake';

// The fake answers with the official examples whatever the filters say, which
// is exactly the case the portal must not trust: the records belong to client 1
// (the GetInvoice example to client 2361).

const whmcs = fakeWhmcs();
const example = (file: string) => raw(exampleText(file), 'application/json');
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );
const visible = (e: unknown) => {
  const { name, kind, action, reason, message, whmcsMessage, httpStatus } =
    e as WhmcsError;
  return { name, kind, action, reason, message, whmcsMessage, httpStatus };
};

describe('an invoice', () => {
  it('of the client is returned', async () => {
    whmcs.answer(example('GetInvoice.json'));

    expect((await getInvoice(2361, 1)).total).toBe('15.95');
  });

  it('of another client reads exactly like a missing invoice', async () => {
    whmcs.answer(json({ result: 'error', message: 'Invoice ID Not Found' }));
    const missing = await failure(getInvoice(2361, 99));
    whmcs.answer(example('GetInvoice.json'));

    const foreign = await failure(getInvoice(7, 1));

    expect(foreign).toBeInstanceOf(WhmcsNotFoundError);
    expect(visible(foreign)).toEqual(visible(missing));
  });

  it('with an id that is not a positive integer is not asked for', async () => {
    whmcs.answer(example('GetInvoice.json'));

    const error = await failure(getInvoice(2361, 0));

    expect(error).toBeInstanceOf(WhmcsNotFoundError);
    expect(whmcs.seen).toHaveLength(0);
  });
});

describe('a ticket', () => {
  it('of another client is not found', async () => {
    whmcs.answer(example('GetTicket.json'));

    expect(await failure(getTicket(7, 1))).toBeInstanceOf(WhmcsNotFoundError);
  });

  it('asked for by a different id than the one returned is not found', async () => {
    whmcs.answer(example('GetTicket.json'));

    expect(await failure(getTicket(1, 2))).toBeInstanceOf(WhmcsNotFoundError);
  });
});

describe('a service', () => {
  it('of the client is the row with the requested id', async () => {
    whmcs.answer(example('GetClientsProducts.json'));

    expect((await getService(1, 2)).productName).toBe('Plus');
  });

  it('of another client is not found', async () => {
    whmcs.answer(example('GetClientsProducts.json'));

    expect(await failure(getService(7, 1))).toBeInstanceOf(WhmcsNotFoundError);
  });

  it('missing from the answer is not found, even if other rows came back', async () => {
    whmcs.answer(example('GetClientsProducts.json'));

    expect(await failure(getService(1, 3))).toBeInstanceOf(WhmcsNotFoundError);
  });
});

describe('a domain', () => {
  it('of another client is not found', async () => {
    whmcs.answer(example('derived/GetClientsDomains.json'));

    expect(await failure(getDomain(7, 1))).toBeInstanceOf(WhmcsNotFoundError);
  });

  it('of the client is returned', async () => {
    whmcs.answer(example('derived/GetClientsDomains.json'));

    expect((await getDomain(1, 2)).name).toBe('whmcs.info');
  });
});

describe('client-scoped lists', () => {
  it('ask WHMCS for the client, status and page', async () => {
    whmcs.answer(example('GetInvoices.json'));

    await listInvoices(1, { status: 'Unpaid', offset: 25, limit: 25 });

    const form = whmcs.seen[0]?.form;
    expect([form?.get('userid'), form?.get('status'), form?.get('limitstart')]).toEqual([
      '1',
      'Unpaid',
      '25',
    ]);
  });

  it('ask for tickets of every department', async () => {
    whmcs.answer(example('GetTickets.json'));

    await listTickets(1);

    expect(whmcs.seen[0]?.form.get('clientid')).toBe('1');
    expect(whmcs.seen[0]?.form.get('ignore_dept_assignments')).toBe('1');
  });

  it('are refused whole when WHMCS returns another client’s row', async () => {
    whmcs.answer(example('GetInvoices.json'));

    expect(await failure(listInvoices(7))).toBeInstanceOf(WhmcsInvalidError);
  });
});

describe('client details', () => {
  it('for a different client than asked are not found', async () => {
    whmcs.answer(example('GetClientsDetails.json'));

    expect(await failure(getClientDetails(7))).toBeInstanceOf(WhmcsNotFoundError);
  });
});
