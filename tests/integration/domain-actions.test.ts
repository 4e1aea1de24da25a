import '../support/next-cookies';
import { MESSAGES } from '@/lib/portal/customer-action';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  changeAutoRenew,
  changeNameservers,
  changeRegistrarLock,
  requestEppCode,
} from '@/lib/portal/domain-actions';
import { markProved } from '@/lib/portal/step-up';
import { store } from '@/lib/store';
import {
  FORBIDDEN,
  form,
  interruption,
  NOT_FOUND,
  portalWithSimulator,
  redirectedTo,
  start,
} from '../support/portal-sim';
import { clearLines, lines } from '../support/log-capture';

// Changing a domain's settings through the portal's server actions, against
// the simulator: what is sent (and never sent), who may, and for whose domain.

vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());

const { sim, signIn, mark } = portalWithSimulator();
afterEach(() => {
  vi.restoreAllMocks();
  clearLines();
});

const WRITES = [
  'DomainUpdateNameservers',
  'DomainUpdateLockingStatus',
  'UpdateClientDomain',
  'DomainRequestEPP',
];
const writesIn = <T extends { action: string }>(calls: T[]) =>
  calls.filter((c) => WRITES.includes(c.action));

const domain = (name: string) => {
  const found = sim.state.domains.find((d) => d.name === name);
  if (!found) throw new Error(`no domain ${name}`);
  return found;
};
// Alice's (client 1) and Sam's (client 2).
const design = () => domain('moreau-design.example');
const portfolio = () => domain('moreau-portfolio.example');
const samsDomain = () => domain('sam-okafor.example');

const nameserverForm = (domainId: number, extra: Record<string, string> = {}) =>
  form({ domainId, ns1: 'ns1.new-dns.example', ns2: 'ns2.new-dns.example', ...extra });

/** The four actions, each with a valid form for `domainId`. */
const ACTIONS = [
  ['nameservers', (id: number) => changeNameservers(start(), nameserverForm(id))],
  [
    'lock',
    (id: number) => changeRegistrarLock(start(), form({ domainId: id, lock: 'off' })),
  ],
  [
    'auto-renew',
    (id: number) => changeAutoRenew(start(), form({ domainId: id, autoRenew: 'off' })),
  ],
  ['transfer code', (id: number) => requestEppCode(start(), form({ domainId: id }))],
] as const;

describe('an owner changes their domain', () => {
  it('changes the nameservers, sending the domain id and nameservers only', async () => {
    await signIn('alice@kraken.example');
    const calls = mark();

    const state = await changeNameservers(
      start(),
      form({
        domainId: design().id,
        ns1: ' NS1.New-DNS.example. ',
        ns2: 'ns2.new-dns.example',
        ns3: '',
        ns4: 'ns4.new-dns.example',
      }),
    );

    expect(state).toMatchObject({ status: 'done' });
    expect(design().nameservers).toEqual([
      'ns1.new-dns.example',
      'ns2.new-dns.example',
      'ns4.new-dns.example',
    ]);
    expect(writesIn(calls.after())).toEqual([
      {
        action: 'DomainUpdateNameservers',
        params: {
          domainid: String(design().id),
          ns1: 'ns1.new-dns.example',
          ns2: 'ns2.new-dns.example',
          ns3: 'ns4.new-dns.example',
        },
      },
    ]);
    const trail = await store().audit.list({ action: 'domain.nameservers', limit: 5 });
    expect(trail.map((e) => [e.actor, e.target, e.outcome])).toEqual([
      ['customer:1', `domain:${design().id}`, 'success'],
      ['customer:1', `domain:${design().id}`, 'attempt'],
    ]);
  });

  it('turns the registrar lock off and on', async () => {
    await signIn('alice@kraken.example');
    const id = design().id;

    const off = await changeRegistrarLock(start(), form({ domainId: id, lock: 'off' }));
    const lockedAfterOff = design().locked;
    const on = await changeRegistrarLock(start(), form({ domainId: id, lock: 'on' }));

    expect(off.message).toMatch(/lock is off/);
    expect(lockedAfterOff).toBe(false);
    expect(on.message).toMatch(/lock is on/);
    expect(design().locked).toBe(true);
  });

  it('switches auto-renew with UpdateClientDomain carrying donotrenew and nothing else', async () => {
    await signIn('alice@kraken.example');
    const id = design().id;
    const calls = mark();

    const off = await changeAutoRenew(start(), form({ domainId: id, autoRenew: 'off' }));
    const noRenewAfterOff = design().doNotRenew;
    await changeAutoRenew(start(), form({ domainId: id, autoRenew: 'on' }));

    expect(off.status).toBe('done');
    expect(noRenewAfterOff).toBe(true);
    expect(design().doNotRenew).toBe(false);
    expect(writesIn(calls.after())).toEqual([
      { action: 'UpdateClientDomain', params: { domainid: String(id), donotrenew: '1' } },
      { action: 'UpdateClientDomain', params: { domainid: String(id), donotrenew: '0' } },
    ]);
  });

  it('refuses forms with forged fields (registrar, status, amounts, dates, name, client) and sends nothing', async () => {
    await signIn('alice@kraken.example');
    const before = { ...portfolio() };
    const forged = {
      registrar: 'elsewhere',
      status: 'Cancelled',
      recurringamount: '0.01',
      nextduedate: '2099-01-01',
      expirydate: '2099-01-01',
      domain: 'stolen.example',
      clientid: '2',
      userid: '2',
      donotrenew: '1',
      updatens: '1',
    };
    const calls = mark();

    const states = [
      await changeAutoRenew(
        start(),
        form({ domainId: before.id, autoRenew: 'on', ...forged }),
      ),
      await changeNameservers(start(), nameserverForm(before.id, forged)),
      await changeRegistrarLock(
        start(),
        form({ domainId: before.id, lock: 'on', ...forged }),
      ),
    ];

    for (const state of states) {
      expect(state).toMatchObject({ status: 'error', message: MESSAGES.forged });
    }
    expect(writesIn(calls.after())).toEqual([]);
    expect(portfolio()).toMatchObject({
      name: before.name,
      registrar: before.registrar,
      status: before.status,
      recurringCents: before.recurringCents,
      nextduedate: before.nextduedate,
      clientId: 1,
    });
  });

  it('runs a resubmitted nameserver form once', async () => {
    await signIn('alice@kraken.example');
    const calls = mark();
    const once = nameserverForm(design().id);

    const first = await changeNameservers(start(), once);
    const again = await changeNameservers(start(), once);

    expect(again).toEqual(first);
    expect(writesIn(calls.after())).toHaveLength(1);
  });
});

describe('checked before anything is sent', () => {
  it.each(ACTIONS)(
    "answers 404 to %s on another client's domain, and sends no write",
    async (_name, act) => {
      await signIn('alice@kraken.example');
      const calls = mark();

      expect(await interruption(act(samsDomain().id))).toBe(NOT_FOUND);
      expect(writesIn(calls.after())).toEqual([]);
      expect(calls.after().map((c) => c.action)).toEqual([
        'GetUsers',
        'GetClientsDomains',
      ]);
    },
  );

  it.each(ACTIONS)(
    'answers 403 to %s from a non-owner who may see but not manage domains',
    async (_name, act) => {
      await signIn('webmaster@kraken.example');
      const calls = mark();

      expect(await interruption(act(design().id))).toBe(FORBIDDEN);
      expect(calls.after()).toEqual([]);
    },
  );

  it.each(ACTIONS)(
    'answers 403 to %s from a non-owner who may manage domains but not see them',
    async (_name, act) => {
      const link = sim.state.users
        .find((u) => u.id === 35)
        ?.links.find((l) => l.clientId === 1);
      if (!link) throw new Error('webmaster link missing');
      const granted = link.permissions;
      link.permissions = ['managedomains'];
      try {
        await signIn('webmaster@kraken.example');
        const calls = mark();

        expect(await interruption(act(design().id))).toBe(FORBIDDEN);
        expect(calls.after()).toEqual([]);
      } finally {
        link.permissions = granted;
      }
    },
  );

  it.each(ACTIONS)(
    'answers 403 to %s from a non-owner without the domains right',
    async (_name, act) => {
      await signIn('contractor@kraken.example');
      const calls = mark();

      expect(await interruption(act(design().id))).toBe(FORBIDDEN);
      expect(calls.after()).toEqual([]);
    },
  );

  it.each([
    ['ns1.example', 'ns1.example', 'ns2', 'This nameserver is listed twice.'],
    ['192.0.2.53', 'ns2.ok.example', 'ns1', 'not its IP address'],
    ['ns1.-bad.example', 'ns2.ok.example', 'ns1', 'cannot start or end with a hyphen'],
    ['ns1.exämple.com', 'ns2.ok.example', 'ns1', 'xn--'],
    ['ns1.ok.example', 'localhost', 'ns2', 'full name'],
    ['ns1.ok.123', 'ns2.ok.example', 'ns1', 'real domain ending'],
    ['ns1.ok.example', '', 'ns2', 'at least two nameservers'],
    ['ns1 ok.example', 'ns2.ok.example', 'ns1', 'letters, digits, hyphens and dots'],
    [`${'a'.repeat(64)}.example`, 'ns2.ok.example', 'ns1', 'at most 63'],
  ])(
    'refuses nameservers %s / %s and keeps what was typed',
    async (ns1, ns2, field, says) => {
      await signIn('alice@kraken.example');
      const calls = mark();

      const state = await changeNameservers(
        start(),
        form({ domainId: design().id, ns1, ns2 }),
      );

      expect(state.status).toBe('error');
      expect(state.problems[field]).toContain(says);
      expect(state.values).toMatchObject({ ns1, ns2 });
      expect(calls.after()).toEqual([]);
    },
  );

  it('refuses changes to a domain that is not active, without asking the registrar', async () => {
    await signIn('alice@kraken.example');
    const expired = domain('moreau-shop.example');
    const calls = mark();

    const state = await changeRegistrarLock(
      start(),
      form({ domainId: expired.id, lock: 'on' }),
    );

    expect(state).toMatchObject({
      status: 'error',
      message: 'The registrar takes changes only while the domain is active.',
    });
    expect(writesIn(calls.after())).toEqual([]);
  });
});

describe('step-up', () => {
  it.each([
    ['nameservers', ACTIONS[0][1]],
    ['turning the registrar lock off', ACTIONS[1][1]],
    ['transfer code', ACTIONS[3][1]],
  ] as const)(
    'sends a session older than the window to confirm before %s, sending nothing',
    async (_name, act) => {
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
      await signIn('alice@kraken.example');
      vi.setSystemTime(Date.now() + 11 * 60_000);
      const calls = mark();

      const went = redirectedTo(await interruption(act(design().id)));

      expect(went).toBe(`/account/confirm?next=%2Fdomains%2F${design().id}`);
      expect(writesIn(calls.after())).toEqual([]);
    },
  );

  it('lets the change through once the person has confirmed', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const sid = await signIn('alice@kraken.example');
    vi.setSystemTime(Date.now() + 11 * 60_000);
    await markProved(sid);

    const state = await changeNameservers(start(), nameserverForm(design().id));

    expect(state.status).toBe('done');
  });

  it('leaves the lock on while asking, and turns it off after the confirmation', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const sid = await signIn('alice@kraken.example');
    vi.setSystemTime(Date.now() + 11 * 60_000);
    const off = () =>
      changeRegistrarLock(start(), form({ domainId: design().id, lock: 'off' }));
    expect(design().locked).toBe(true);

    await interruption(off());
    const stillLocked = design().locked;
    await markProved(sid);
    const state = await off();

    expect(stillLocked).toBe(true);
    expect(state.status).toBe('done');
    expect(design().locked).toBe(false);
  });

  it('asks for no confirmation to turn the lock on or to switch auto-renew', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    await signIn('alice@kraken.example');
    vi.setSystemTime(Date.now() + 11 * 60_000);
    const id = design().id;

    const on = await changeRegistrarLock(start(), form({ domainId: id, lock: 'on' }));
    expect(on.status).toBe('done');
    expect((await ACTIONS[2][1](id)).status).toBe('done');
    const renewOn = await changeAutoRenew(
      start(),
      form({ domainId: id, autoRenew: 'on' }),
    );
    expect(renewOn.status).toBe('done');
  });
});

describe('transfer codes', () => {
  it('shows the code once, and never writes it to a log line or the store', async () => {
    await signIn('alice@kraken.example');
    const { eppCode } = design();
    const remember = vi.spyOn(store().counters, 'remember');
    const append = vi.spyOn(store().audit, 'append');

    const state = await requestEppCode(start(), form({ domainId: design().id }));

    expect(state).toMatchObject({ status: 'done', reveal: eppCode });
    expect(state.message).not.toContain(eppCode);
    expect(lines.join('\n')).not.toContain(eppCode);
    expect(lines.some((l) => l.includes('DomainRequestEPP'))).toBe(true);
    expect(JSON.stringify([remember.mock.calls, append.mock.calls])).not.toContain(
      eppCode,
    );
    expect(append).toHaveBeenCalled();
  });

  it('says where the code goes when the registrar emails it', async () => {
    await signIn('alice@kraken.example');

    const state = await requestEppCode(start(), form({ domainId: portfolio().id }));

    expect(state.status).toBe('done');
    expect(state.reveal).toBeUndefined();
    expect(state.message).toMatch(
      /sends its transfer code by email to the domain’s registrant/,
    );
  });

  it('explains the registrar’s 60-day refusal in plain words', async () => {
    await signIn('alice@kraken.example');

    const state = await requestEppCode(
      start(),
      form({ domainId: domain('moreau.example').id }),
    );

    expect(state).toMatchObject({ status: 'error' });
    expect(state.message).toMatch(/less than 60 days ago/);
    expect(state.message).not.toMatch(/Domain cannot be transferred/);
    expect(state.reveal).toBeUndefined();
  });
});
