import { HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forAccount } from '@/lib/auth/account-cache';
import { listSwitchableAccounts } from '@/lib/auth/accounts';
import type { CustomerSession } from '@/lib/auth/guards';
import { clientCurrency } from '@/components/client-currency';
import { exampleText } from '../support/whmcs-examples';
import { fakeWhmcs } from '../support/whmcs-fake';

// The short per-person cache behind the header's account switcher and the
// account's currency: one person on one account gets their own answers back,
// and nobody else ever does.

const whmcs = fakeWhmcs();
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const person = { userId: 5, clientId: 10, email: 'sam@kraken.example' };

describe('forAccount', () => {
  it('loads once per person and account while the answer is fresh', async () => {
    const load = vi.fn(async () => 'ten');

    expect(await forAccount('label', person, load)).toBe('ten');
    expect(
      await forAccount('label', { ...person, email: 'SAM@kraken.example' }, load),
    ).toBe('ten');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('gives another client account of the same person answers of its own', async () => {
    await forAccount('label', person, async () => 'ten');

    const other = await forAccount(
      'label',
      { ...person, clientId: 11 },
      async () => 'eleven',
    );

    expect(other).toBe('eleven');
    expect(await forAccount('label', person, async () => 'not asked')).toBe('ten');
  });

  it('gives another person on the same client account answers of their own', async () => {
    await forAccount('label', person, async () => 'sam');

    const other = { userId: 6, clientId: 10, email: 'jo@kraken.example' };

    expect(await forAccount('label', other, async () => 'jo')).toBe('jo');
    expect(
      await forAccount(
        'label',
        { ...person, email: 'jo@kraken.example' },
        async () => 'x',
      ),
    ).toBe('x');
  });

  it('asks again once the answer is a minute old', async () => {
    let now = 1_000_000;
    const load = vi.fn(async () => now);

    await forAccount('label', person, load, () => now);
    now += 59_000;
    await forAccount('label', person, load, () => now);
    now += 2_000;
    await forAccount('label', person, load, () => now);

    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps no failure', async () => {
    const failing = forAccount('label', person, async () => {
      throw new Error('WHMCS down');
    });
    await expect(failing).rejects.toThrow('WHMCS down');

    expect(await forAccount('label', person, async () => 'back')).toBe('back');
  });

  it('refuses a key without a user or a client account', () => {
    const load = async () => 'x';

    expect(() => forAccount('label', { ...person, userId: 0 }, load)).toThrow(TypeError);
    expect(() => forAccount('label', { ...person, clientId: Number.NaN }, load)).toThrow(
      TypeError,
    );
    expect(() => forAccount('label', { ...person, email: '' }, load)).toThrow(TypeError);
  });

  it('keeps nothing with ACCOUNT_CACHE_SECONDS=0', async () => {
    vi.stubEnv('ACCOUNT_CACHE_SECONDS', '0');
    vi.resetModules();
    const fresh = await import('@/lib/auth/account-cache');
    const load = vi.fn(async () => 'x');

    await fresh.forAccount('label', person, load);
    await fresh.forAccount('label', person, load);

    expect(load).toHaveBeenCalledTimes(2);
  });
});

// Sam's login has two client accounts: 10 (USD) and 11 (EUR).
const CLIENTS: Record<string, { company: string; currency: string }> = {
  '10': { company: 'Okafor Labs Ltd', currency: 'USD' },
  '11': { company: 'Sam Okafor', currency: 'EUR' },
};

function serveSam() {
  const example = JSON.parse(exampleText('GetClientsDetails.json')) as {
    client: Record<string, unknown>;
  };
  whmcs.answerByAction({
    GetUsers: () =>
      HttpResponse.json({
        result: 'success',
        totalresults: 1,
        startnumber: 0,
        numreturned: 1,
        users: [
          {
            id: 5,
            firstname: 'Sam',
            lastname: 'Okafor',
            email: 'sam@kraken.example',
            clients: [
              { id: 10, isOwner: '1' },
              { id: 11, isOwner: '0' },
            ],
          },
        ],
      }),
    GetClientsDetails: (form) => {
      const id = form.get('clientid') ?? '';
      const client = CLIENTS[id];
      if (!client)
        return HttpResponse.json({ result: 'error', message: 'Client Not Found' });
      return HttpResponse.json({
        result: 'success',
        client: {
          ...example.client,
          id: Number(id),
          client_id: Number(id),
          userid: Number(id),
          companyname: client.company,
          currency_code: client.currency,
        },
      });
    },
  });
}

const asked = (action: string) =>
  whmcs.seen.filter((s) => s.form.get('action') === action).length;

function session(clientId: number): CustomerSession {
  return {
    sid: 'sid-0123456789abcdef',
    userId: 5,
    email: 'sam@kraken.example',
    clientId,
    isOwner: clientId === 10,
    permissions: [],
    signedInAt: 1,
  };
}

describe('the header and the currency, per person and account', () => {
  it('asks WHMCS for the switcher once a minute, not on every page', async () => {
    serveSam();

    const first = await listSwitchableAccounts(session(10));
    const again = await listSwitchableAccounts(session(10));

    expect(again).toEqual(first);
    expect(first.find((a) => a.current)?.label).toBe('Okafor Labs Ltd');
    expect(asked('GetUsers')).toBe(1);
  });

  it('marks the account signed in to as current for each account, never the other’s', async () => {
    serveSam();

    await listSwitchableAccounts(session(10));
    const other = await listSwitchableAccounts(session(11));

    expect(other.find((a) => a.current)?.clientId).toBe(11);
    expect(asked('GetUsers')).toBe(2);
  });

  it('shows each account its own currency', async () => {
    serveSam();

    expect((await clientCurrency(session(10)))?.code).toBe('USD');
    expect((await clientCurrency(session(11)))?.code).toBe('EUR');
    expect((await clientCurrency(session(10)))?.code).toBe('USD');
    expect(asked('GetClientsDetails')).toBe(2);
  });
});
