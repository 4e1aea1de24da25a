import { describe, expect, it } from 'vitest';
import type { AllowedAction } from '@/lib/whmcs/allowlist';
import {
  WhmcsMisconfiguredError,
  WhmcsUncertainError,
  WhmcsUnavailableError,
} from '@/lib/whmcs/errors';
import { appendParams } from '@/lib/whmcs/form';
import { endpoint } from '@/lib/whmcs/http';
import { schemas } from '@/lib/whmcs/schemas';
import { call } from '@/lib/whmcs/transport';
import { validateLogin } from '@/lib/whmcs/users';
import { fakeWhmcs, json, raw, WHMCS_API } from '../support/whmcs-fake';

// env() is read on the first call, so these apply to this file's process.
process.env.WHMCS_ACCESS_KEY = 'test-access-key-1234';

const whmcs = fakeWhmcs();
const departments = {
  result: 'success',
  departments: { department: [{ id: '1', name: 'Sales' }] },
};
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

describe('the request', () => {
  it('is a form POST to {WHMCS_URL}/includes/api.php with nothing in the query string', async () => {
    whmcs.answer(json(departments));

    await call('GetSupportDepartments', {}, schemas.GetSupportDepartments);

    expect(whmcs.seen[0]?.url.href).toBe(WHMCS_API);
    expect(whmcs.seen[0]?.url.search).toBe('');
    expect(whmcs.seen[0]?.contentType).toBe('application/x-www-form-urlencoded');
  });

  it('carries action, credentials, access key and responsetype=json in the body', async () => {
    whmcs.answer(json(departments));

    await call(
      'GetSupportDepartments',
      { ignore_dept_assignments: true },
      schemas.GetSupportDepartments,
    );

    expect(Object.fromEntries(whmcs.seen[0]?.form ?? [])).toEqual({
      action: 'GetSupportDepartments',
      identifier: 'test-identifier',
      secret: 'test-secret',
      accesskey: 'test-access-key-1234',
      responsetype: 'json',
      ignore_dept_assignments: '1',
    });
  });

  it('encodes lists and maps in PHP bracket syntax', () => {
    const form = appendParams(new URLSearchParams(), {
      pid: [1, 5],
      prefs: { invoice: false },
    });

    expect(form.toString()).toBe('pid%5B0%5D=1&pid%5B1%5D=5&prefs%5Binvoice%5D=0');
  });

  it.each([['https://example.com/billing'], ['https://example.com/billing/?x=1#y']])(
    'keeps the sub-folder of %s',
    (base) => {
      expect(endpoint(base).href).toBe('https://example.com/billing/includes/api.php');
    },
  );

  it('is never made for an action outside the allowlist', async () => {
    whmcs.answer(json({ result: 'success' }));

    const error = await failure(
      call('DecryptPassword' as AllowedAction, {}, schemas.GetUsers),
    );

    expect(error).toBeInstanceOf(WhmcsMisconfiguredError);
    expect(whmcs.seen).toHaveLength(0);
  });

  it('is never made with a parameter that would replace a credential', async () => {
    whmcs.answer(json(departments));

    const error = await failure(call('GetUsers', { secret: 'x' }, schemas.GetUsers));

    expect(error).toBeInstanceOf(WhmcsMisconfiguredError);
    expect(whmcs.seen).toHaveLength(0);
  });
});

describe('retries', () => {
  it('repeats a read after a 503 and returns the later success', async () => {
    whmcs.answer(raw('busy', 'text/plain', 503), json(departments));

    const result = await call('GetSupportDepartments', {}, schemas.GetSupportDepartments);

    expect(result).toEqual([{ id: 1, name: 'Sales' }]);
    expect(whmcs.seen).toHaveLength(2);
  });

  it('gives a read up after three attempts', async () => {
    whmcs.answer(raw('busy', 'text/plain', 503));

    const error = await failure(call('GetInvoice', { invoiceid: 1 }, schemas.GetInvoice));

    expect(error).toBeInstanceOf(WhmcsUnavailableError);
    expect(whmcs.seen).toHaveLength(3);
  });

  it('sends a write once even when the answer is a 503, and says it may have gone through', async () => {
    whmcs.answer(raw('busy', 'text/plain', 503));

    const error = await failure(validateLogin('a@example.com', 'pw'));

    expect(error).toBeInstanceOf(WhmcsUncertainError);
    expect(whmcs.seen).toHaveLength(1);
  });

  it.each([
    ['misconfigured', json({ result: 'error', message: 'Invalid IP 203.0.113.7' }, 403)],
    ['invalid', json({ result: 'success', invoiceid: 'x' })],
    ['not_found', json({ result: 'error', message: 'Invoice ID Not Found' })],
  ])('does not repeat a read that is %s', async (kind, responder) => {
    whmcs.answer(responder);

    const error = await failure(call('GetInvoice', { invoiceid: 1 }, schemas.GetInvoice));

    expect(error).toMatchObject({ kind });
    expect(whmcs.seen).toHaveLength(1);
  });
});
