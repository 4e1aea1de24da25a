import { describe, expect, it } from 'vitest';
import { WhmcsError } from '@/lib/whmcs/errors';
import { listOwed, listOwedInvoices } from '@/lib/whmcs/owed';
import {
  getInvoiceAnswer,
  getInvoicesAnswer,
  getTransactionsAnswer,
  type FakeInvoice,
} from '../support/invoice-answers';
import { HttpResponse } from 'msw';
import { fakeWhmcs } from '../support/whmcs-fake';

const whmcs = fakeWhmcs();

function serve(
  invoices: FakeInvoice[],
  options?: Parameters<typeof getTransactionsAnswer>[2],
) {
  whmcs.answerByAction({
    GetInvoices: (form) => getInvoicesAnswer(invoices, form),
    GetInvoice: (form) => getInvoiceAnswer(invoices, form),
    GetTransactions: (form) => getTransactionsAnswer(invoices, form, options),
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

  it('lists the 20 earliest due and counts all of them, in one round of calls', async () => {
    const invoices = Array.from({ length: 25 }, (_, n) => ({
      id: 100 + n,
      status: n % 2 ? 'Unpaid' : 'Collections',
      due: `2026-11-${String(25 - n).padStart(2, '0')}`,
      total: '1.00',
    }));
    serve(invoices);

    const owed = await listOwedInvoices(1);

    expect([owed.count, owed.invoices.length, owed.due]).toEqual([25, 20, '20.00']);
    expect(owed.invoices[0]?.id).toBe(124);
    expect(
      asked('GetInvoices')
        .map((f) => f.get('status'))
        .toSorted(),
    ).toEqual(['Collections', 'Unpaid']);
    expect(asked('GetTransactions').map((f) => f.get('clientid'))).toEqual(['1']);
    expect(asked('GetInvoice')).toHaveLength(0);
  });

  it('leaves out an invoice its transactions already pay in full', async () => {
    const invoices = [
      { id: 1, status: 'Unpaid', due: '2026-10-22', total: '9.00' },
      { id: 2, status: 'Unpaid', due: '2026-10-23', total: '4.00' },
    ];
    serve(invoices, { extra: [{ invoiceId: 1, amountIn: '9.00' }] });

    const owed = await listOwedInvoices(1);

    expect([owed.invoices.map((i) => i.id), owed.due]).toEqual([[2], '4.00']);
  });

  it('takes refunds back off what was paid and ignores payments to no invoice', async () => {
    serve([{ id: 1, status: 'Unpaid', due: '2026-10-22', total: '20.00' }], {
      extra: [
        { invoiceId: 1, amountIn: '15.00' },
        { invoiceId: 1, amountOut: '5.50' },
        { invoiceId: 0, amountIn: '100.00' },
        { invoiceId: 7, amountIn: '20.00' },
      ],
    });

    const owed = await listOwedInvoices(1);

    expect(owed.invoices.map((i) => [i.id, i.balance])).toEqual([[1, '10.50']]);
    expect(owed.due).toBe('10.50');
  });

  it('opens each invoice instead when GetTransactions returns fewer rows than it counts', async () => {
    const invoices = [
      { id: 1, status: 'Unpaid', due: '2026-10-22', total: '17.90', balance: '12.90' },
      { id: 2, status: 'Unpaid', due: '2026-11-21', total: '4.95', balance: '1.95' },
    ];
    serve(invoices, { cut: 1 });

    const owed = await listOwedInvoices(1);

    expect(owed.invoices.map((i) => i.balance)).toEqual(['12.90', '1.95']);
    expect(
      asked('GetInvoice')
        .map((f) => f.get('invoiceid'))
        .toSorted(),
    ).toEqual(['1', '2']);
  });

  it('refuses transactions that name another client', async () => {
    serve([{ id: 1, status: 'Unpaid', due: '2026-10-22', total: '9.00' }], {
      extra: [{ invoiceId: 1, amountIn: '9.00', userid: 2 }],
    });

    await expect(listOwedInvoices(1)).rejects.toBeInstanceOf(WhmcsError);
  });
});

describe('the owed listing before its balances', () => {
  const invoices = [
    { id: 1, status: 'Unpaid', due: '2026-10-22', total: '17.90', balance: '12.90' },
    { id: 2, status: 'Collections', due: '2026-08-13', total: '4.95' },
  ];

  it('hands over the rows after the listing, while the transactions are still on their way', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    whmcs.answerByAction({
      GetInvoices: (form) => getInvoicesAnswer(invoices, form),
      GetTransactions: async (form) => {
        await held;
        return getTransactionsAnswer(invoices, form);
      },
    });

    const listing = await listOwed(1);

    expect(listing.listed.map((i) => [i.id, i.total])).toEqual([
      [2, '4.95'],
      [1, '17.90'],
    ]);
    expect(listing.count).toBe(2);
    // The transactions were asked for beside the listing, not after it.
    expect(asked('GetTransactions')).toHaveLength(1);
    release();
    const owed = await listing.balances;
    expect(owed.due).toBe('17.85');
    expect(owed.invoices.map((i) => i.balance)).toEqual(['4.95', '12.90']);
  });

  it('opens no invoice when nothing is owed', async () => {
    serve([{ id: 3, status: 'Paid', due: '2026-07-13', total: '213.00' }]);

    const listing = await listOwed(1);

    expect([listing.listed, listing.count]).toEqual([[], 0]);
    expect(await listing.balances).toEqual({ invoices: [], count: 0, due: '0.00' });
    expect(asked('GetInvoice')).toHaveLength(0);
  });

  it('keeps the rows when the transactions cannot be read: only the balances fail', async () => {
    whmcs.answerByAction({
      GetInvoices: (form) => getInvoicesAnswer(invoices, form),
      GetTransactions: () => HttpResponse.json({ result: 'error' }, { status: 503 }),
    });

    const listing = await listOwed(1);

    expect(listing.listed).toHaveLength(2);
    await expect(listing.balances).rejects.toBeInstanceOf(WhmcsError);
  });
});
