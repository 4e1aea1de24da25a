import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@/whmcs-sim/server';
import { api, at, example, TEST_NOW, type Json } from '../support/sim-http';

// The simulator keeps what the service and domain actions change: nameservers,
// the registrar lock, auto-renewal, transfer codes and cancellation requests.

let running: RunningSimulator;
beforeAll(async () => {
  running = await startSimulator({ now: TEST_NOW });
});
afterAll(() => running.close());

const call = (action: string, fields: Record<string, string> = {}) =>
  api(running.url, action, fields);
const domainNamed = (name: string) => {
  const found = running.sim.state.domains.find((d) => d.name === name);
  if (!found) throw new Error(`no domain ${name}`);
  return found;
};
const domainRow = async (id: number) =>
  at(
    await call('GetClientsDomains', { domainid: String(id) }),
    'domains',
    'domain',
    0,
  ) as Json;

describe('nameservers', () => {
  it('keeps the nameservers set, in order, and answers them back', async () => {
    const { id } = domainNamed('moreau-design.example');

    const set = await call('DomainUpdateNameservers', {
      domainid: String(id),
      ns1: 'NS1.Example-DNS.example',
      ns2: 'ns2.example-dns.example',
      ns3: 'ns3.example-dns.example',
    });
    const got = await call('DomainGetNameservers', { domainid: String(id) });

    expect(set).toEqual({ result: 'success' });
    expect(got).toEqual({
      result: 'success',
      ns1: 'ns1.example-dns.example',
      ns2: 'ns2.example-dns.example',
      ns3: 'ns3.example-dns.example',
    });
  });

  it('needs ns1 and ns2, refuses a hostname the registrar cannot take, and keeps the old ones', async () => {
    const domain = domainNamed('atelier-moreau.example');
    const before = [...domain.nameservers];

    const missing = await call('DomainUpdateNameservers', {
      domainid: String(domain.id),
      ns1: 'ns1.example-dns.example',
    });
    const bad = await call('DomainUpdateNameservers', {
      domainid: String(domain.id),
      ns1: 'ns1.example-dns.example',
      ns2: 'not a host',
    });

    expect(missing).toEqual({ result: 'error', message: 'ns1 and ns2 required' });
    expect(bad.result).toBe('error');
    expect(domain.nameservers).toEqual(before);
  });

  it('answers "not found" for an unknown domain and a registrar refusal for a pending one', async () => {
    const pending = domainNamed('moreau-studio.example');

    expect(await call('DomainGetNameservers', { domainid: '99999' })).toEqual({
      result: 'error',
      message: 'Domain ID Not Found',
    });
    expect(await call('DomainGetNameservers', { domainid: String(pending.id) })).toEqual({
      result: 'error',
      message: 'Domain is not registered yet',
    });
  });
});

describe('registrar lock', () => {
  it('turns the lock off and on again', async () => {
    const { id } = domainNamed('moreau-portfolio.example');
    const status = async () =>
      (await call('DomainGetLockingStatus', { domainid: String(id) })).lockstatus;

    expect(await status()).toBe('locked');
    await call('DomainUpdateLockingStatus', { domainid: String(id), lockstatus: '0' });
    expect(await status()).toBe('unlocked');
    await call('DomainUpdateLockingStatus', { domainid: String(id), lockstatus: '1' });
    expect(await status()).toBe('locked');
  });

  it('refuses a change to a cancelled domain', async () => {
    const { id } = domainNamed('old-moreau.example');

    const answer = await call('DomainUpdateLockingStatus', {
      domainid: String(id),
      lockstatus: '1',
    });

    expect(answer).toEqual({
      result: 'error',
      message: 'Domain status Cancelled does not allow changes',
    });
  });
});

describe('UpdateClientDomain', () => {
  it('changes only the fields sent: donotrenew shows in GetClientsDomains', async () => {
    const { id } = domainNamed('moreau-design.example');
    const before = await domainRow(id);

    const answer = await call('UpdateClientDomain', {
      domainid: String(id),
      donotrenew: '1',
    });
    const after = await domainRow(id);

    expect(answer).toEqual({ result: 'success', domainid: String(id) });
    expect(after).toEqual({ ...before, donotrenew: '1' });
  });

  it('does change whatever else staff send (so a portal must never send it)', async () => {
    const { id } = domainNamed('atelier-moreau.example');

    await call('UpdateClientDomain', {
      domainid: String(id),
      recurringamount: '0.01',
      registrar: 'elsewhere',
      status: 'Cancelled',
    });

    expect(await domainRow(id)).toMatchObject({
      recurringamount: '0.01',
      registrar: 'elsewhere',
      status: 'Cancelled',
    });
  });
});

describe('transfer (EPP) codes', () => {
  it('returns the code a registrar holds, the same each time', async () => {
    const { id, eppCode } = domainNamed('moreau-design.example');

    const first = await call('DomainRequestEPP', { domainid: String(id) });
    const second = await call('DomainRequestEPP', { domainid: String(id) });

    expect(first).toEqual({ result: 'success', eppcode: eppCode });
    expect(second).toEqual(first);
    expect(eppCode).toMatch(/^\S{16}$/);
  });

  it('answers a bare success where the registrar emails the code (eNom)', async () => {
    const { id } = domainNamed('moreau-portfolio.example');

    expect(await call('DomainRequestEPP', { domainid: String(id) })).toEqual({
      result: 'success',
    });
  });

  it('refuses within 60 days of a transfer in, with the registrar’s words', async () => {
    const { id } = domainNamed('moreau.example');

    const answer = await call('DomainRequestEPP', { domainid: String(id) });

    expect(answer.result).toBe('error');
    expect(answer.message).toMatch(/within 60 days of registration or transfer/);
  });

  it('refuses an expired domain and a TLD without transfer codes', async () => {
    const expired = domainNamed('moreau-shop.example');
    const ukDomain = domainNamed('natarajan.example');
    ukDomain.name = 'natarajan.co.uk';

    const a = await call('DomainRequestEPP', { domainid: String(expired.id) });
    const b = await call('DomainRequestEPP', { domainid: String(ukDomain.id) });
    ukDomain.name = 'natarajan.example';

    expect(a.message).toBe('Domain status Expired does not allow a transfer out');
    expect(b.message).toMatch(/\.uk registry does not use transfer codes/);
  });
});

describe('cancellation requests', () => {
  it('records one request per service and refuses a second', async () => {
    const first = await call('AddCancelRequest', {
      serviceid: '13',
      type: 'Immediate',
      reason: 'Closing the bakery site',
    });
    const second = await call('AddCancelRequest', {
      serviceid: '13',
      type: 'End of Billing Period',
    });

    expect(first).toEqual({ result: 'success', serviceid: '13', userid: '1' });
    expect(second).toEqual({
      result: 'error',
      message: 'Existing Cancellation Request Exists',
    });
    expect(running.sim.state.cancelRequests.filter((r) => r.serviceId === 13)).toEqual([
      expect.objectContaining({ type: 'Immediate', reason: 'Closing the bakery site' }),
    ]);
  });

  it('refuses an unknown service and an unknown type', async () => {
    expect(await call('AddCancelRequest', { serviceid: '99999' })).toEqual({
      result: 'error',
      message: 'Service ID Not Found',
    });
    expect(
      (await call('AddCancelRequest', { serviceid: '14', type: 'Later' })).result,
    ).toBe('error');
  });
});

describe('GetStats counts the stored cancellation requests', () => {
  let own: RunningSimulator;
  beforeAll(async () => {
    own = await startSimulator({ now: TEST_NOW });
  });
  afterAll(() => own.close());
  const pending = async () => (await api(own.url, 'GetStats')).cancellations_pending;

  it('counts each open request as a number, as the example does, until its service ends', async () => {
    expect(await pending()).toBe(0);

    await api(own.url, 'AddCancelRequest', { serviceid: '13', type: 'Immediate' });
    await api(own.url, 'AddCancelRequest', { serviceid: '14' });
    // A refused second request for the same service is not stored, so not counted.
    await api(own.url, 'AddCancelRequest', { serviceid: '14' });

    expect(await pending()).toBe(2);
    expect(typeof at(example('GetStats'), 'cancellations_pending')).toBe('number');

    const done = own.sim.state.services.find((s) => s.id === 13);
    if (!done) throw new Error('no service 13');
    done.status = 'Terminated';
    expect(await pending()).toBe(1);
  });
});

describe('GetProducts', () => {
  it('lists a group with prices per cycle, -1.00 where a cycle is not sold', async () => {
    const answer = await call('GetProducts', { gid: '1' });
    const products = at(answer, 'products', 'product') as Json[];

    expect(products.map((p) => p.name)).toEqual([
      'Starter Shared',
      'Business Shared',
      'Premium Shared',
    ]);
    expect(at(products[1], 'pricing', 'USD')).toMatchObject({
      monthly: '12.95',
      quarterly: '38.85',
      annually: '129.50',
      triennially: '-1.00',
    });
  });

  it('finds products by id and keeps one-time prices under monthly', async () => {
    const answer = await call('GetProducts', { pid: '6' });

    expect(at(answer, 'products', 'product', 0)).toMatchObject({
      pid: 6,
      paytype: 'onetime',
      pricing: { USD: { monthly: '49.00', annually: '-1.00' } },
    });
  });
});
