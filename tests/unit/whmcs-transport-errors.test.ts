import { delay, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  WhmcsError,
  WhmcsInvalidError,
  WhmcsMisconfiguredError,
  WhmcsNotFoundError,
  WhmcsRefusedError,
  WhmcsUnavailableError,
} from '@/lib/whmcs/errors';
import { schemas } from '@/lib/whmcs/schemas';
import { call } from '@/lib/whmcs/transport';
import { fakeWhmcs, json, raw } from '../support/whmcs-fake';

// env() is read on the first call, so this applies to this file's process.
process.env.WHMCS_TIMEOUT_MS = '200';

const whmcs = fakeWhmcs();
const getInvoice = () =>
  call('GetInvoice', { invoiceid: 1 }, schemas.GetInvoice).then(
    () => null,
    (e: unknown) => e,
  );
const error = (message: string, status = 200) =>
  json({ result: 'error', message }, status);

describe('misconfigured', () => {
  it.each([
    ['Invalid IP 203.0.113.7'],
    ['Authentication Failed'],
    ['Invalid or missing credentials'],
    ['Invalid Permissions: API action "getinvoice" is not allowed'],
    ['Invalid API Action: "getinvoice" is not a valid API action'],
    ['API Command Restricted to Internal API'],
  ])('"%s" with HTTP 403', async (message) => {
    whmcs.answer(error(message, 403));

    expect(await getInvoice()).toBeInstanceOf(WhmcsMisconfiguredError);
  });

  it('an IP rejection keeps the address WHMCS saw for the logs', async () => {
    whmcs.answer(error('Invalid IP 203.0.113.7', 403));

    expect(await getInvoice()).toMatchObject({
      kind: 'misconfigured',
      action: 'GetInvoice',
      httpStatus: 403,
      whmcsMessage: 'Invalid IP 203.0.113.7',
    });
  });

  it('a 200 whose body says "invalid ip" in any case', async () => {
    whmcs.answer(error('invalid ip 198.51.100.23'));

    expect(await getInvoice()).toBeInstanceOf(WhmcsMisconfiguredError);
  });

  it('any other WHMCS error that comes with HTTP 403', async () => {
    whmcs.answer(error('Something new', 403));

    expect(await getInvoice()).toBeInstanceOf(WhmcsMisconfiguredError);
  });
});

describe('not found', () => {
  it.each([['Invoice ID Not Found'], ['Client ID not Found'], ['Ticket ID not found']])(
    'a 200 with "%s"',
    async (message) => {
      whmcs.answer(error(message));

      expect(await getInvoice()).toBeInstanceOf(WhmcsNotFoundError);
    },
  );
});

describe('refused', () => {
  it('a business error with HTTP 200', async () => {
    whmcs.answer(error('Nothing to Update'));

    expect(await getInvoice()).toBeInstanceOf(WhmcsRefusedError);
  });

  it('a body with "status":"error"', async () => {
    whmcs.answer(json({ status: 'error', message: 'Client ID required' }));

    expect(await getInvoice()).toBeInstanceOf(WhmcsRefusedError);
  });

  it('a body with a warning instead of a result', async () => {
    whmcs.answer(json({ warning: 'Credit Card related parameters are now deprecated' }));

    expect(await getInvoice()).toBeInstanceOf(WhmcsRefusedError);
  });
});

describe('invalid', () => {
  it('a success that does not match the schema', async () => {
    whmcs.answer(json({ result: 'success', invoiceid: 1 }));

    expect(await getInvoice()).toBeInstanceOf(WhmcsInvalidError);
  });

  it('an answer without a result', async () => {
    whmcs.answer(json({ invoiceid: 1 }));

    expect(await getInvoice()).toBeInstanceOf(WhmcsInvalidError);
  });
});

describe('unavailable', () => {
  it.each([
    ['html page', raw('<!DOCTYPE html><html></html>', 'text/html; charset=utf-8')],
    ['not json', raw('{"result":"success",', 'application/json')],
    [
      'not json (name=value text)',
      raw('result=error;message=Invalid IP 1.2.3.4', 'text/plain'),
    ],
    ['empty body', raw('', 'application/json')],
    ['html page', raw('<whmcsapi version="8"></whmcsapi>', 'text/xml')],
    ['content-type image/png', raw('{"result":"success"}', 'image/png')],
    ['http 502', raw('{"result":"success"}', 'application/json', 502)],
    ['network error', () => HttpResponse.error()],
  ])('%s', async (reason, responder) => {
    whmcs.answer(responder);

    const failure = await getInvoice();

    expect(failure).toBeInstanceOf(WhmcsUnavailableError);
    expect(failure).toMatchObject({ reason });
  });

  it('a timeout, after WHMCS_TIMEOUT_MS, not tried again once the call has used that long', async () => {
    whmcs.answer(async () => {
      await delay('infinite');
      return HttpResponse.json({});
    });

    const failure = await getInvoice();

    expect(failure).toMatchObject({ kind: 'unavailable', reason: 'timeout after 200ms' });
    expect(whmcs.seen).toHaveLength(1);
  });
});

describe('every failure', () => {
  it('is a WhmcsError with the action, the kind and the cause', async () => {
    whmcs.answer(() => HttpResponse.error());

    const failure = await getInvoice();

    expect(failure).toBeInstanceOf(WhmcsError);
    expect(failure).toMatchObject({ action: 'GetInvoice', kind: 'unavailable' });
    expect((failure as Error).cause).toBeInstanceOf(Error);
  });
});
