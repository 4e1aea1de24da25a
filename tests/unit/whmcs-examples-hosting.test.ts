import { describe, expect, it } from 'vitest';
import { interpret } from '@/lib/whmcs/classify';
import { schemas } from '@/lib/whmcs/schemas';
import { parseExample as parse } from '../support/whmcs-examples';

// The official examples of the service and domain actions, as the portal reads
// them, and the answers it must not misread.

const live = (body: unknown) => ({
  httpStatus: 200,
  contentType: 'application/json',
  bodyText: JSON.stringify(body),
});

describe('GetProducts', () => {
  it('maps a product with its prices per currency, leaving out cycles not sold', () => {
    expect(parse('GetProducts')).toEqual([
      {
        id: 1,
        groupId: 1,
        name: 'Best Hosting Plan',
        description: 'This is our best hosting plan, with all the bells and whistles.',
        payType: 'recurring',
        prices: { USD: { monthly: '25.99' } },
      },
    ]);
  });

  it('reads an empty pricing list as no prices', () => {
    const answer = live({
      result: 'success',
      totalresults: 1,
      products: {
        product: [{ pid: 3, gid: 2, name: 'Free', paytype: 'free', pricing: [] }],
      },
    });

    const outcome = interpret('GetProducts', answer, schemas.GetProducts);

    expect(outcome).toMatchObject({ ok: true, data: [{ id: 3, prices: {} }] });
  });
});

describe('AddCancelRequest', () => {
  it('maps the service and client ids sent as strings', () => {
    expect(parse('AddCancelRequest')).toEqual({ serviceId: 1, clientId: 1 });
  });
});

describe('domain registrar actions', () => {
  it('DomainGetNameservers: the nameservers in order', () => {
    expect(parse('DomainGetNameservers')).toEqual(['ns1.example.com', 'ns1.example.com']);
  });

  it('DomainGetNameservers: an answer without any is not understood', () => {
    const outcome = interpret(
      'DomainGetNameservers',
      live({ result: 'success', ns1: '', ns2: '' }),
      schemas.DomainGetNameservers,
    );

    expect(outcome).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });

  it('DomainGetLockingStatus: "locked" is on; an unknown word is not understood', () => {
    expect(parse('DomainGetLockingStatus')).toBe(true);
    const unknown = interpret(
      'DomainGetLockingStatus',
      live({ result: 'success', lockstatus: 'maybe' }),
      schemas.DomainGetLockingStatus,
    );
    const unlocked = interpret(
      'DomainGetLockingStatus',
      live({ result: 'success', lockstatus: 'Unlocked' }),
      schemas.DomainGetLockingStatus,
    );

    expect(unknown).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(unlocked).toEqual({ ok: true, data: false });
  });

  it('DomainRequestEPP: the example (no code: the registrar emails it) and a returned code', () => {
    const returned = interpret(
      'DomainRequestEPP',
      live({ result: 'success', eppcode: 'Xy7#kLm2' }),
      schemas.DomainRequestEPP,
    );

    expect(parse('DomainRequestEPP')).toEqual({ code: null });
    expect(returned).toEqual({ ok: true, data: { code: 'Xy7#kLm2' } });
  });

  it('reads the registrar’s refusal as refused, and a result-only write as done', () => {
    const refused = interpret(
      'DomainUpdateNameservers',
      live({ result: 'error', message: 'Invalid nameserver ns1.example' }),
      schemas.DomainUpdateNameservers,
    );

    expect(refused).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect(parse('DomainUpdateNameservers')).toBe(true);
    expect(parse('DomainUpdateLockingStatus')).toBe(true);
    expect(parse('UpdateClientDomain')).toEqual({ domainId: 1 });
  });
});
