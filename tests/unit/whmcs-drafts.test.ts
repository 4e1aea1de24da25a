import { describe, expect, it } from 'vitest';
import { getInvoice, listInvoices } from '@/lib/whmcs/billing';
import { WhmcsNotFoundError } from '@/lib/whmcs/errors';
import {
  getInvoiceAnswer,
  getInvoicesAnswer,
  type FakeInvoice,
} from '../support/invoice-answers';
import { fakeWhmcs } from '../support/whmcs-fake';

// WHMCS hides a Draft invoice from its client until an admin publishes it.
// GetInvoices has no "all but Draft" filter, so the portal must do the hiding.

const whmcs = fakeWhmcs();

const INVOICES: FakeInvoice[] = [
  { id: 1, status: 'Draft', due: '2026-12-11', total: '9.00' },
  { id: 2, status: 'Unpaid', due: '2026-12-08', total: '4.95' },
  { id: 3, status: 'Paid', due: '2026-11-08', total: '4.95' },
];

function serve(invoices = INVOICES) {
  whmcs.answerByAction({
    GetInvoices: (form) => getInvoicesAnswer(invoices, form),
    GetInvoice: (form) => getInvoiceAnswer(invoices, form),
  });
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

describe('draft invoices', () => {
  it('are left out of the full list, and out of its total', async () => {
    serve();

    const page = await listInvoices(1, { limit: 20 });

    expect(page.items.map((i) => i.id)).toEqual([2, 3]);
    expect([page.total, page.positions]).toEqual([2, 3]);
  });

  it('leave an account without drafts with one plain page', async () => {
    serve(INVOICES.slice(1));

    const page = await listInvoices(1, { limit: 20 });

    expect(page).toMatchObject({ total: 2, offset: 0 });
    expect(page.positions).toBeUndefined();
  });

  it('cost a filtered list nothing: one call, no count of drafts', async () => {
    serve();

    const page = await listInvoices(1, { status: 'Unpaid' });

    expect(page.items.map((i) => i.id)).toEqual([2]);
    expect(whmcs.seen.map((s) => s.form.get('status'))).toEqual(['Unpaid']);
  });

  it('read exactly like a missing invoice when opened', async () => {
    serve();
    const missing = await failure(getInvoice(1, 99));

    const draft = await failure(getInvoice(1, 1));

    expect(draft).toBeInstanceOf(WhmcsNotFoundError);
    expect((draft as Error).message).toBe((missing as Error).message);
    expect((await getInvoice(1, 2)).status).toBe('Unpaid');
  });
});
