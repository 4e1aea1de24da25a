import '../support/next-cookies';
import { MESSAGES } from '@/lib/portal/customer-action';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pendingCancellation } from '@/lib/portal/cancellations';
import {
  changePlanInWhmcs,
  requestServiceCancellation,
  signInToControlPanel,
} from '@/lib/portal/service-actions';
import { clearCatalog } from '@/lib/whmcs/catalog-cache';
import { planOptions } from '@/lib/whmcs/catalog';
import { getService } from '@/lib/whmcs/services';
import {
  FORBIDDEN,
  form,
  interruption,
  NOT_FOUND,
  portalWithSimulator,
  redirectedTo,
  start,
  WHMCS_ROOT,
} from '../support/portal-sim';

// A service's control panel sign-in, its hand-off to WHMCS's upgrade page and
// its cancellation request, through the portal's server actions against the
// simulator.

vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { sim, signIn, mark } = portalWithSimulator();
beforeEach(() => clearCatalog());
afterEach(() => vi.restoreAllMocks());

const WRITES = ['CreateSsoToken', 'AddCancelRequest'];
const writesIn = <T extends { action: string }>(calls: T[]) =>
  calls.filter((c) => WRITES.includes(c.action));

const service = (clientId: number, productName: string, status = 'Active') => {
  const product = sim.state.products.find((p) => p.name === productName);
  const found = sim.state.services.find(
    (s) => s.clientId === clientId && s.productId === product?.id && s.status === status,
  );
  if (!found) throw new Error(`no ${status} ${productName} of client ${clientId}`);
  return found.id;
};
const byDomain = (domain: string) => {
  const found = sim.state.services.find((s) => s.domain === domain && s.clientId === 1);
  if (!found) throw new Error(`no service for ${domain}`);
  return found.id;
};
// Alice's (client 1) hosting, her certificate (no server), and Sam's hosting.
const hosting = () => service(1, 'Business Shared');
const certificate = () => service(1, 'SSL Certificate');
const samsHosting = () => service(2, 'Starter Shared');

const cancelForm = (serviceId: number, extra: Record<string, string> = {}) =>
  form({
    serviceId,
    type: 'End of Billing Period',
    reason: 'Moving the site in-house',
    confirm: 'yes',
    ...extra,
  });

const ssoLink = new RegExp(
  `^${WHMCS_ROOT.replace(/\./g, '\\.')}/oauth/singlesignon\\.php\\?access_token=[0-9a-f]{40}$`,
);

describe('control panel sign-in', () => {
  it('hands the owner a single-use link to the service’s control panel', async () => {
    await signIn('alice@kraken.example');
    const calls = mark();

    const went = redirectedTo(
      await interruption(signInToControlPanel(start(), form({ serviceId: hosting() }))),
    );

    expect(went).toMatch(ssoLink);
    expect(writesIn(calls.after())).toEqual([
      {
        action: 'CreateSsoToken',
        params: {
          client_id: '1',
          user_id: '1',
          destination: 'sso:custom_redirect',
          sso_redirect_path: `clientarea.php?action=productdetails&id=${hosting()}&dosinglesignon=1`,
          service_id: String(hosting()),
        },
      },
    ]);
  });

  it('makes the link for the non-owner’s own user when they hold productsso', async () => {
    await signIn('webmaster@kraken.example');

    await interruption(signInToControlPanel(start(), form({ serviceId: hosting() })));

    expect(sim.state.ssoTokens.at(-1)).toMatchObject({
      userId: 35,
      clientId: 1,
      serviceId: hosting(),
    });
  });

  it('refuses a service without a server, asking WHMCS for no link', async () => {
    await signIn('alice@kraken.example');
    const calls = mark();

    const state = await signInToControlPanel(start(), form({ serviceId: certificate() }));

    expect(state).toMatchObject({ status: 'error' });
    expect(state.message).toMatch(/no control panel/);
    expect(writesIn(calls.after())).toEqual([]);
  });

  it("answers 404 for another client's service and never calls CreateSsoToken", async () => {
    await signIn('alice@kraken.example');
    const calls = mark();

    const digest = await interruption(
      signInToControlPanel(start(), form({ serviceId: samsHosting() })),
    );

    expect(digest).toBe(NOT_FOUND);
    expect(calls.after().map((c) => c.action)).toEqual([
      'GetUsers',
      'GetClientsProducts',
    ]);
  });

  it('answers 403 to a non-owner without productsso', async () => {
    await signIn('contractor@kraken.example');
    const calls = mark();

    const digest = await interruption(
      signInToControlPanel(start(), form({ serviceId: hosting() })),
    );

    expect(digest).toBe(FORBIDDEN);
    expect(calls.after()).toEqual([]);
  });
});

describe('a non-owner who may act on services but not see them', () => {
  it('gets 403 on every service action, and nothing is sent', async () => {
    const link = sim.state.users
      .find((u) => u.id === 35)
      ?.links.find((l) => l.clientId === 1);
    if (!link) throw new Error('webmaster link missing');
    const granted = link.permissions;
    link.permissions = ['productsso', 'orders'];
    try {
      await signIn('webmaster@kraken.example');
      const calls = mark();

      const ended = await Promise.all([
        interruption(signInToControlPanel(start(), form({ serviceId: hosting() }))),
        interruption(changePlanInWhmcs(start(), form({ serviceId: hosting() }))),
        interruption(requestServiceCancellation(start(), cancelForm(hosting()))),
      ]);

      expect(ended).toEqual([FORBIDDEN, FORBIDDEN, FORBIDDEN]);
      expect(calls.after()).toEqual([]);
    } finally {
      link.permissions = granted;
    }
  });
});

describe('changing plan', () => {
  it('lists the other plans of the group priced on the service’s cycle', async () => {
    const options = await planOptions(await getService(1, hosting()), 'USD');

    expect(options).toEqual({
      cycle: 'monthly',
      plans: [
        expect.objectContaining({ name: 'Starter Shared', price: '4.95' }),
        expect.objectContaining({ name: 'Premium Shared', price: '24.95' }),
      ],
    });
  });

  it('asks the catalogue once for many pages, keyed by product and group only', async () => {
    const owned = await getService(1, hosting());
    const calls = mark();

    await planOptions(owned, 'USD');
    await planOptions(owned, 'USD');

    const asked = calls.after().filter((c) => c.action === 'GetProducts');
    expect(asked.map((c) => c.params)).toEqual([{ pid: '2' }, { gid: '1' }]);
  });

  it('offers nothing for a service without other plans in its group', async () => {
    expect(await planOptions(await getService(1, certificate()), 'USD')).toBeNull();
  });

  it('hands the owner to WHMCS’s upgrade page for the service', async () => {
    await signIn('alice@kraken.example');

    const went = redirectedTo(
      await interruption(changePlanInWhmcs(start(), form({ serviceId: hosting() }))),
    );

    expect(went).toMatch(ssoLink);
    expect(sim.state.ssoTokens.at(-1)).toMatchObject({
      path: `upgrade.php?type=package&id=${hosting()}`,
    });
  });

  it('answers 403 to a non-owner who may not order', async () => {
    await signIn('webmaster@kraken.example');

    expect(
      await interruption(changePlanInWhmcs(start(), form({ serviceId: hosting() }))),
    ).toBe(FORBIDDEN);
  });
});

describe('cancellation', () => {
  it('files the request with the service, type and reason, and shows it as pending', async () => {
    await signIn('alice@kraken.example');
    const id = service(1, 'Starter Shared');
    const calls = mark();

    const state = await requestServiceCancellation(
      start(),
      cancelForm(id, { type: 'Immediate' }),
    );

    expect(state).toMatchObject({ status: 'done' });
    expect(writesIn(calls.after())).toEqual([
      {
        action: 'AddCancelRequest',
        params: {
          serviceid: String(id),
          type: 'Immediate',
          reason: 'Moving the site in-house',
        },
      },
    ]);
    expect(sim.state.cancelRequests.map((r) => r.serviceId)).toContain(id);
    expect(await pendingCancellation(1, id)).toMatchObject({ type: 'Immediate' });
  });

  it('refuses a request carrying forged fields, and files nothing', async () => {
    await signIn('alice@kraken.example');
    const id = service(1, 'Starter Shared');
    const calls = mark();

    const state = await requestServiceCancellation(
      start(),
      cancelForm(id, {
        type: 'Immediate',
        status: 'Cancelled',
        recurringamount: '0.00',
        nextduedate: '2099-01-01',
        clientid: '2',
        serviceid: String(samsHosting()),
      }),
    );

    expect(state).toMatchObject({ status: 'error', message: MESSAGES.forged });
    expect(writesIn(calls.after())).toEqual([]);
    expect(sim.state.cancelRequests.map((r) => r.serviceId)).not.toContain(samsHosting());
  });

  it('does not send a second request for a service with one open', async () => {
    await signIn('alice@kraken.example');
    const id = service(1, 'VPS 8GB');
    await requestServiceCancellation(start(), cancelForm(id));
    const calls = mark();

    const again = await requestServiceCancellation(start(), cancelForm(id));

    expect(again).toMatchObject({
      status: 'error',
      message: 'A cancellation has already been requested for this service.',
    });
    expect(writesIn(calls.after())).toEqual([]);
  });

  it('learns of a request made in WHMCS from its refusal', async () => {
    await signIn('alice@kraken.example');
    const id = service(1, 'Dedicated E3');
    sim.state.cancelRequests.push({
      id: 900,
      serviceId: id,
      type: 'End of Billing Period',
      reason: 'asked by phone',
      date: '2026-01-01 10:00:00',
    });

    const state = await requestServiceCancellation(start(), cancelForm(id));

    expect(state.message).toBe(
      'A cancellation has already been requested for this service.',
    );
    expect(await pendingCancellation(1, id)).toMatchObject({ type: 'unknown' });
  });

  it('needs the confirmation ticked, a known type and a reason; sends nothing otherwise', async () => {
    await signIn('alice@kraken.example');
    const calls = mark();

    const state = await requestServiceCancellation(
      start(),
      form({ serviceId: hosting(), type: 'Whenever', reason: '' }),
    );

    expect(state.status).toBe('error');
    expect(Object.keys(state.problems).sort()).toEqual(['confirm', 'reason', 'type']);
    expect(calls.after()).toEqual([]);
  });

  it('refuses "end of billing period" for a suspended service whose paid period is over, and sends nothing', async () => {
    await signIn('alice@kraken.example');
    const id = service(1, 'Starter Shared', 'Suspended');
    const due = sim.state.services.find((s) => s.id === id)?.nextDueDate ?? '';
    expect(due < new Date().toISOString().slice(0, 10)).toBe(true);
    const calls = mark();

    const state = await requestServiceCancellation(start(), cancelForm(id));

    expect(state).toMatchObject({
      status: 'error',
      message:
        'This service’s paid period is over, so it can only be cancelled immediately.',
    });
    expect(writesIn(calls.after())).toEqual([]);
    expect(await pendingCancellation(1, id)).toBeNull();

    // Immediately is what it offers, and that goes through.
    const now = await requestServiceCancellation(
      start(),
      cancelForm(id, { type: 'Immediate' }),
    );
    expect(now.status).toBe('done');
    expect(writesIn(calls.after()).map((c) => c.params.type)).toEqual(['Immediate']);
  });

  it('refuses a plan change once a cancellation is requested, and hands out no link', async () => {
    await signIn('alice@kraken.example');
    const id = byDomain('client-bakery.example');
    await requestServiceCancellation(start(), cancelForm(id));
    const calls = mark();

    const state = await changePlanInWhmcs(start(), form({ serviceId: id }));

    expect(state).toMatchObject({
      status: 'error',
      message: expect.stringContaining(
        'A cancellation has been requested for this service, so its plan cannot be changed.',
      ),
    });
    expect(writesIn(calls.after())).toEqual([]);
  });

  it('refuses a service that has already ended', async () => {
    await signIn('alice@kraken.example');
    const calls = mark();

    const state = await requestServiceCancellation(
      start(),
      cancelForm(service(1, 'Starter Shared', 'Terminated')),
    );

    expect(state.message).toMatch(/terminated, so there is nothing to cancel/);
    expect(writesIn(calls.after())).toEqual([]);
  });

  it("answers 404 for another client's service and sends no request", async () => {
    await signIn('alice@kraken.example');
    const calls = mark();

    expect(
      await interruption(requestServiceCancellation(start(), cancelForm(samsHosting()))),
    ).toBe(NOT_FOUND);
    expect(writesIn(calls.after())).toEqual([]);
    expect(sim.state.cancelRequests.map((r) => r.serviceId)).not.toContain(samsHosting());
  });

  it.each(['contractor@kraken.example', 'webmaster@kraken.example'])(
    'answers 403 to %s, who may not order or cancel',
    async (email) => {
      await signIn(email);
      const calls = mark();

      expect(
        await interruption(requestServiceCancellation(start(), cancelForm(hosting()))),
      ).toBe(FORBIDDEN);
      expect(calls.after()).toEqual([]);
    },
  );
});

describe('step-up', () => {
  it.each([
    [
      'control panel sign-in',
      () => signInToControlPanel(start(), form({ serviceId: hosting() })),
    ],
    ['plan change', () => changePlanInWhmcs(start(), form({ serviceId: hosting() }))],
    ['cancellation', () => requestServiceCancellation(start(), cancelForm(hosting()))],
  ] as const)(
    'sends a session older than the window to confirm before %s, sending nothing',
    async (_name, act) => {
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
      await signIn('alice@kraken.example');
      vi.setSystemTime(Date.now() + 11 * 60_000);
      const calls = mark();

      const went = redirectedTo(await interruption(act()));

      expect(went).toBe(`/account/confirm?next=%2Fservices%2F${hosting()}`);
      expect(writesIn(calls.after())).toEqual([]);
    },
  );
});
