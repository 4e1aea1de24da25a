import { Writable } from 'node:stream';
import { HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { schemas } from '@/lib/whmcs/schemas';
import { call } from '@/lib/whmcs/transport';
import { validateLogin } from '@/lib/whmcs/users';
import { fakeWhmcs, json, raw } from '../support/whmcs-fake';

// env() is read on the first call, so this applies to this file's process.
process.env.WHMCS_ACCESS_KEY = 'test-access-key-1234';

// Every log line, from a logger without redaction: nothing secret may reach it at all.
const logged = vi.hoisted(() => ({ lines: [] as string[] }));
vi.mock('@/lib/log', async () => {
  const { default: pino } = await import('pino');
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logged.lines.push(String(chunk));
      done();
    },
  });
  const logger = pino({ level: 'trace' }, sink);
  return { log: () => logger };
});

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

describe('logging', () => {
  const whmcsLines = () =>
    logged.lines.map((l) => JSON.parse(l)).filter((l) => l.event === 'whmcs.call');

  it('writes one whmcs.call line per call, naming the attempt that finished it', async () => {
    logged.lines.length = 0;
    whmcs.answer(raw('busy', 'text/plain', 502), json(departments));

    await call('GetSupportDepartments', {}, schemas.GetSupportDepartments);

    expect(whmcsLines()).toEqual([
      expect.objectContaining({
        action: 'GetSupportDepartments',
        outcome: 'ok',
        attempt: 2,
        durationMs: expect.any(Number),
      }),
    ]);
  });

  it('never writes credentials, parameters or answer bodies', async () => {
    logged.lines.length = 0;
    whmcs.answer(
      json({ result: 'error', message: 'Email or Password Invalid', x: 'canary' }),
    );
    await validateLogin('dana.moss@example.com', 'correct-horse');
    whmcs.answer(HttpResponse.error);
    await failure(call('GetInvoice', { invoiceid: 4242 }, schemas.GetInvoice));

    const text = logged.lines.join('\n');

    expect(whmcsLines()).toHaveLength(2);
    for (const secret of ['test-identifier', 'test-secret', 'test-access-key-1234']) {
      expect(text).not.toContain(secret);
    }
    for (const data of ['dana.moss', 'correct-horse', '4242', 'canary']) {
      expect(text).not.toContain(data);
    }
  });

  it('keeps a credential that WHMCS echoes out of the error', async () => {
    whmcs.answer(json({ result: 'error', message: 'Unknown key test-secret' }, 403));

    const error = await failure(call('GetInvoice', { invoiceid: 1 }, schemas.GetInvoice));

    expect(String(error)).not.toContain('test-secret');
    expect(JSON.stringify(error)).not.toContain('test-secret');
  });
});
