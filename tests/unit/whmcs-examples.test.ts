import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ALLOWED_ACTIONS, type AllowedAction } from '@/lib/whmcs/allowlist';
import { interpret } from '@/lib/whmcs/classify';
import { schemas } from '@/lib/whmcs/schemas';
import {
  exampleAnswer as answer,
  parseExample as parse,
  utc,
} from '../support/whmcs-examples';

describe('official examples of the allowed actions', () => {
  // The docs print GetClientsDomains flattened; its re-nested copy is the usable one.
  const fileOf = (action: AllowedAction) =>
    action === 'GetClientsDomains' ? `derived/${action}.json` : `${action}.json`;

  it.each(ALLOWED_ACTIONS)('%s passes the portal schema', (action) => {
    const schema: z.ZodType = schemas[action];

    expect(interpret(action, answer(fileOf(action)), schema).ok).toBe(true);
  });
});

describe('users', () => {
  it('ValidateLogin: string userid and "false" two-factor with a hash is a plain login', () => {
    expect(parse('ValidateLogin')).toEqual({ userId: 1, twoFactor: false });
  });

  it('GetUsers: maps the user and its client links', () => {
    expect(parse('GetUsers')).toEqual([
      {
        id: 1,
        email: 'john.smith@example.net',
        firstName: 'John',
        lastName: 'Smith',
        clients: [{ clientId: 1, isOwner: true }],
      },
    ]);
  });

  it('GetUserPermissions: the example without permissions grants nothing', () => {
    expect(parse('GetUserPermissions')).toEqual([]);
  });
});

describe('GetClientsDetails', () => {
  it('maps the client and derives the currency style from its code', () => {
    expect(parse('GetClientsDetails')).toEqual({
      id: 1,
      firstName: 'Test',
      lastName: 'Client',
      companyName: '',
      email: 'test-client@example.com',
      status: 'Active',
      address1: '123 Test Street',
      address2: '',
      city: 'Test',
      state: 'Tester',
      postcode: 'TE5 5ST',
      countryCode: 'GB',
      phone: '01234567890',
      taxId: '',
      credit: '0.00',
      currency: { code: 'USD', prefix: '$', suffix: ' USD' },
    });
  });
});

describe('GetClientsProducts', () => {
  it('maps paging from a string total and integer offset', () => {
    const page = parse('GetClientsProducts');

    expect([page.total, page.offset, page.rows.length]).toEqual([2, 0, 2]);
  });

  it('maps a service row and its owner', () => {
    const [first] = parse('GetClientsProducts').rows;

    expect(first?.ownerId).toBe(1);
    expect(first?.value).toMatchObject({
      id: 1,
      productId: 1,
      serverId: 1,
      productName: 'Starter',
      groupName: 'Shared Hosting',
      domain: 'demodomain.com',
      status: 'Terminated',
      billingCycle: 'Monthly',
      firstPaymentAmount: '12.95',
      recurringAmount: '12.95',
      paymentMethodName: 'Credit Card',
      registeredOn: utc('2015-01-01'),
      nextDueDate: utc('2016-11-25'),
      serverHostname: 'saturn.example.com',
      username: 'demodoma',
      diskUsageMb: 0,
      configOptions: [],
    });
  });

  it('maps configurable options', () => {
    const second = parse('GetClientsProducts').rows[1]?.value;

    expect(second?.configOptions).toEqual([
      { name: 'Sample Config Option', value: 'Selected option value' },
    ]);
  });

  it('never carries the service password', () => {
    const json = JSON.stringify(parse('GetClientsProducts'));

    expect(json).not.toContain('xxxxxxxx');
    expect(json).not.toMatch(/password/i);
  });
});

describe('GetClientsDomains', () => {
  it('maps the re-nested example with "0"/"1" flags and string numbers', () => {
    const page = parse('GetClientsDomains', 'derived/GetClientsDomains.json');

    expect(page.total).toBe(2);
    expect(page.rows[0]).toEqual({
      ownerId: 1,
      value: {
        id: 1,
        name: 'whmcs.rocks',
        status: 'Active',
        registrar: 'eNom',
        registrationType: 'Register',
        registrationPeriodYears: 1,
        registeredOn: utc('2016-01-01'),
        expiresOn: utc('2017-01-01'),
        nextDueDate: utc('2016-01-01'),
        recurringAmount: '12.95',
        paymentMethodName: 'Credit Card',
        autoRenew: true,
        dnsManagement: false,
        emailForwarding: false,
        idProtection: false,
      },
    });
  });

  it('refuses the flattened docs example instead of reading it as no domains', () => {
    const outcome = interpret(
      'GetClientsDomains',
      answer('GetClientsDomains.json'),
      schemas.GetClientsDomains,
    );

    expect(outcome.ok ? null : outcome.error.kind).toBe('invalid');
  });
});
