import { describe, expect, it, vi } from 'vitest';
import { WhmcsError } from '@/lib/whmcs/errors';
import { listOwed, listOwedInvoices } from '@/lib/whmcs/owed';
import {
  getInvoiceAnswer,
  getInvoicesAnswer,
  type FakeInvoice,
} from '../support/invoice-answers';
import { HttpResponse } from 'msw';
import { fakeWhmcs } from '../support/whmcs-fake';

const whmcs = fakeWhmcs();

function serve(invoices: FakeInvoice[]) {
  whmcs.answerByAction({
    GetInvoices: (form) => getInvoicesAnswer(invoices, form),
    GetInvoice: (form) => getInvoiceAnswer(invoices, form),
  });
}

const asked = (action: string) =>
  whmcs.seen.filter((s) => s.form.get('action') === action).map((s) => s.form);

describe('what a client still owes', () => {
  it('counts a part-paid invoice at its balance, not its total', async () => {
    serve([
      { id: 1, status: 'Unpaid', due: '2026-10-22', total: '17.90', balance: '12.90' },
      { id: 2, status: 'Unpaid', due: '2026-11-21', total: '4.95' },
    ]);

    const owed = await listOwedInvoices(1);

    expect(owed.due).toBe('17.85');
    expect(owed.invoices.map((i) => [i.id, i.total, i.balance])).toEqual([
      [1, '17.90', '12.90'],
      [2, '4.95', '4.95'],
    ]);
  });

  it('sums the balances exactly, as decimals', async () => {
    serve([
      { id: 1, status: 'Unpaid', due: '2026-10-01', total: '0.10' },
      { id: 2, status: 'Unpaid', due: '2026-10-02', total: '0.20' },
      { id: 3, status: 'Unpaid', due: '2026-10-03', total: '180.00', balance: '173.00' },
    ]);

    expect((await listOwedInvoices(1)).due).toBe('173.30');
  });

  it('counts an invoice in collections as owed, beside the unpaid ones', async () => {
    serve([
      { id: 1, status: 'Unpaid', due: '2026-11-06', total: '12.95' },
      { id: 2, status: 'Collections', due: '2026-08-13', total: '12.95' },
      { id: 3, status: 'Paid', due: '2026-07-13', total: '213.00' },
    ]);

    const owed = await listOwedInvoices(1);

    expect(owed.invoices.map((i) => [i.id, i.status])).toEqual([
      [2, 'Collections'],
      [1, 'Unpaid'],
    ]);
    expect([owed.count, owed.due]).toEqual([2, '25.90']);
  });

  it('opens only the 20 earliest due, once each, and counts all of them', async () => {
    const invoices = Array.from({ length: 25 }, (_, n) => ({
      id: 100 + n,
      status: n % 2 ? 'Unpaid' : 'Collections',
      due: `2026-11-${String(25 - n).padStart(2, '0')}`,
      total: '1.00',
    }));
    serve(invoices);

    const owed = await listOwedInvoices(1);
    const opened = asked('GetInvoice').map((f) => Number(f.get('invoiceid')));

    expect([owed.count, owed.invoices.length, owed.due]).toEqual([25, 20, '20.00']);
    expect(owed.invoices[0]?.id).toBe(124);
    expect(opened.toSorted()).toEqual(owed.invoices.map((i) => i.id).toSorted());
    expect(asked('GetInvoices').map((f) => f.get('status'))).toEqual(
      expect.arrayContaining(['Unpaid', 'Collections']),
    );
  });

  it('leaves out an invoice paid between the list and its detail', async () => {
    const invoices = [{ id: 1, status: 'Unpaid', due: '2026-10-22', total: '9.00' }];
    whmcs.answerByAction({
      GetInvoices: (form) => getInvoicesAnswer(invoices, form),
      GetInvoice: (form) =>
        getInvoiceAnswer([{ ...invoices[0]!, status: 'Paid', balance: '0.00' }], form),
    });

    const owed = await listOwedInvoices(1);

    expect([owed.invoices, owed.due]).toEqual([[], '0.00']);
  });
});

describe('the owed listing before its balances', () => {
  const invoices = [
    { id: 1, status: 'Unpaid', due: '2026-10-22', total: '17.90', balance: '12.90' },
    { id: 2, status: 'Collections', due: '2026-08-13', total: '4.95' },
  ];

  it('hands over the rows after the listing, while the balances are still on their way', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    whmcs.answerByAction({
      GetInvoices: (form) => getInvoicesAnswer(invoices, form),
      GetInvoice: async (form) => {
        await held;
        return getInvoiceAnswer(invoices, form);
      },
    });

    const listing = await listOwed(1);

    expect(listing.listed.map((i) => [i.id, i.total])).toEqual([
      [2, '4.95'],
      [1, '17.90'],
    ]);
    expect(listing.count).toBe(2);
    // Both balances were asked for at once, without waiting to be awaited.
    await vi.waitFor(() => expect(asked('GetInvoice')).toHaveLength(2));
    release();
    const owed = await listing.balances;
    expect(owed.due).toBe('17.85');
    expect(owed.invoices.map((i) => i.balance)).toEqual(['4.95', '12.90']);
  });

  it('asks for no balance when nothing is owed', async () => {
    serve([{ id: 3, status: 'Paid', due: '2026-07-13', total: '213.00' }]);

    const listing = await listOwed(1);

    expect([listing.listed, listing.count]).toEqual([[], 0]);
    expect(await listing.balances).toEqual({ invoices: [], count: 0, due: '0.00' });
    expect(asked('GetInvoice')).toHaveLength(0);
  });

  it('keeps the rows when a balance cannot be read: only the balances fail', async () => {
    whmcs.answerByAction({
      GetInvoices: (form) => getInvoicesAnswer(invoices, form),
      GetInvoice: () => HttpResponse.json({ result: 'error' }, { status: 503 }),
    });

    const listing = await listOwed(1);

    expect(listing.listed).toHaveLength(2);
    await expect(listing.balances).rejects.toBeInstanceOf(WhmcsError);
  });
});
