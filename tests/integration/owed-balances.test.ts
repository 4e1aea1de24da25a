import { describe, expect, it } from 'vitest';
import { getInvoice } from '@/lib/whmcs/billing';
import { listOwedInvoices } from '@/lib/whmcs/owed';
import type { Transaction } from '@/whmcs-sim/model-billing';
import { portalWithSimulator } from '../support/portal-sim';

// The dashboard's balances come from GetTransactions, asked for beside the
// owed invoices, instead of one GetInvoice per invoice after them. Held here
// against the simulator, whose GetInvoice works the balance out from the same
// records WHMCS does: for every seeded client that owes something, and after
// payments, refunds and credit change an invoice.

const { sim, mark } = portalWithSimulator();

const OWED = new Set(['Unpaid', 'Collections']);
const owingClients = [
  ...new Set(sim.state.invoices.filter((i) => OWED.has(i.status)).map((i) => i.clientId)),
];

/** Each owed invoice's balance as GetInvoice gives it, by invoice id. */
async function detailBalances(clientId: number, ids: number[]) {
  const details = await Promise.all(ids.map((id) => getInvoice(clientId, id)));

  return Object.fromEntries(details.map((d) => [d.id, d.balance]));
}

function record(fields: Partial<Transaction> & Pick<Transaction, 'invoiceId'>) {
  const invoice = sim.state.invoices.find((i) => i.id === fields.invoiceId);
  sim.state.transactions.push({
    id: 9000 + sim.state.transactions.length,
    clientId: invoice?.clientId ?? 0,
    gateway: 'banktransfer',
    date: '2026-11-01 10:00:00',
    description: 'Invoice Payment',
    amountInCents: 0,
    feesCents: 0,
    amountOutCents: 0,
    transid: `test-${sim.state.transactions.length}`,
    refundId: 0,
    ...fields,
  });
}

describe('balances from the client’s transactions', () => {
  it('seeds clients that owe, with a part-paid invoice and one in collections', () => {
    const partPaid = sim.state.invoices.filter(
      (i) =>
        i.status === 'Unpaid' && sim.state.transactions.some((t) => t.invoiceId === i.id),
    );

    expect(owingClients.length).toBeGreaterThan(1);
    expect(partPaid.length).toBeGreaterThan(0);
    expect(sim.state.invoices.some((i) => i.status === 'Collections')).toBe(true);
  });

  it.each(owingClients)(
    'client %i: every balance equals GetInvoice’s, after one round of calls',
    async (clientId) => {
      const calls = mark();
      const owed = await listOwedInvoices(clientId);
      const made = calls.after().map((c) => c.action);
      const ids = owed.invoices.map((i) => i.id);

      expect(ids.length).toBeGreaterThan(0);
      expect(made.toSorted()).toEqual(['GetInvoices', 'GetInvoices', 'GetTransactions']);
      expect(Object.fromEntries(owed.invoices.map((i) => [i.id, i.balance]))).toEqual(
        await detailBalances(clientId, ids),
      );
    },
  );

  it('counts Alice’s part-paid invoice at its balance, below its total', async () => {
    const owed = await listOwedInvoices(1);
    const partPaid = owed.invoices.filter((i) => i.balance !== i.total);

    expect(partPaid).toHaveLength(1);
    expect(Number(partPaid[0]!.total) - Number(partPaid[0]!.balance)).toBeCloseTo(5);
  });

  it('follows a payment, a refund of it and credit applied, as GetInvoice does', async () => {
    const before = await listOwedInvoices(1);
    const target = before.invoices.find((i) => i.balance === i.total);
    if (!target) throw new Error('Alice has no unpaid invoice without payments');
    const invoice = sim.state.invoices.find((i) => i.id === target.id)!;
    const balance = async () =>
      (await listOwedInvoices(1)).invoices.find((i) => i.id === target.id)?.balance;
    const agree = async () =>
      expect(await balance()).toBe((await getInvoice(1, target.id)).balance);

    record({ invoiceId: target.id, amountInCents: 300 });
    await agree();
    expect(Number(await balance())).toBeCloseTo(Number(target.total) - 3);

    record({ invoiceId: target.id, amountOutCents: 100, refundId: 9000 });
    await agree();
    expect(Number(await balance())).toBeCloseTo(Number(target.total) - 2);

    invoice.creditCents = 150;
    await agree();
    expect(Number(await balance())).toBeCloseTo(Number(target.total) - 3.5);

    // A payment to no invoice (added funds) and one to another client's
    // invoice change nothing here.
    record({ invoiceId: 0, amountInCents: 10_000 });
    await agree();
    expect(Number(await balance())).toBeCloseTo(Number(target.total) - 3.5);
  });

  it('leaves out an invoice its transactions already pay in full', async () => {
    const clientId = owingClients.find((id) => id !== 1) ?? 1;
    const before = await listOwedInvoices(clientId);
    const target = before.invoices[0];
    if (!target) throw new Error(`client ${clientId} owes nothing`);

    record({
      invoiceId: target.id,
      amountInCents: Math.round(Number(target.balance) * 100),
    });
    const after = await listOwedInvoices(clientId);

    expect(after.invoices.map((i) => i.id)).not.toContain(target.id);
    expect(after.invoices).toHaveLength(before.invoices.length - 1);
  });
});
