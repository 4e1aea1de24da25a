import { describe, expect, it, vi } from 'vitest';
import { WhmcsError } from '@/lib/whmcs/errors';
import { orNotFound, settle } from '@/components/section';

const warn = vi.hoisted(() => vi.fn());
vi.mock('@/lib/log', () => ({ log: () => ({ warn }) }));
vi.mock('@/lib/request', () => ({ requestId: async () => 'req-1' }));

const unavailable = () => new WhmcsError('unavailable', 'GetInvoices', 'http 503');
const missing = () => new WhmcsError('not_found', 'GetInvoice', 'Invoice ID Not Found');

describe('settle', () => {
  it('hands over the value of a call that succeeds', async () => {
    const result = await settle('invoices', Promise.resolve([1, 2]));

    expect(result).toEqual({ ok: true, value: [1, 2] });
  });

  it('turns a WHMCS failure into its kind and logs it once without the WHMCS text', async () => {
    warn.mockClear();

    const result = await settle('invoices', Promise.reject(unavailable()));

    expect(result).toEqual({ ok: false, kind: 'unavailable' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith({
      event: 'page.section.failed',
      section: 'invoices',
      kind: 'unavailable',
      requestId: 'req-1',
    });
  });

  it('does not log a record that is simply not there', async () => {
    warn.mockClear();

    const result = await settle('invoice', Promise.reject(missing()));

    expect(result).toEqual({ ok: false, kind: 'not_found' });
    expect(warn).not.toHaveBeenCalled();
  });

  it('lets any other error through to the error boundary', async () => {
    const bug = new TypeError('boom');

    await expect(settle('invoices', Promise.reject(bug))).rejects.toBe(bug);
  });

  it('leaves no unhandled rejection while the promise waits for its section', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);

    const pending = settle('invoices', Promise.reject(new TypeError('later')));
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.off('unhandledRejection', unhandled);

    expect(unhandled).not.toHaveBeenCalled();
    await expect(pending).rejects.toThrow('later');
  });
});

describe('orNotFound', () => {
  it('answers 404 when WHMCS says not found', async () => {
    const load = settle('invoice', Promise.reject(missing()));

    await expect(orNotFound(load)).rejects.toMatchObject({
      digest: 'NEXT_HTTP_ERROR_FALLBACK;404',
    });
  });

  it('passes other outcomes on to the section', async () => {
    const load = settle('invoice', Promise.reject(unavailable()));

    await expect(orNotFound(load)).resolves.toEqual({ ok: false, kind: 'unavailable' });
  });
});
