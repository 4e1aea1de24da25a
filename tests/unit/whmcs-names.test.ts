import { describe, expect, it } from 'vitest';
import { gatewayName, registrarName } from '@/lib/whmcs/names';
import { schemas } from '@/lib/whmcs/schemas';
import { exampleText } from '../support/whmcs-examples';

describe('payment gateway names', () => {
  it.each([
    ['paypal', 'PayPal'],
    ['banktransfer', 'Bank Transfer'],
    ['stripe', 'Credit Card'],
    ['PayPalCheckout', 'PayPal'],
  ])('shows the module %s as %s', (code, name) => {
    expect(gatewayName(code)).toBe(name);
  });

  it('title-cases a module it does not know, and keeps an empty one empty', () => {
    expect(gatewayName('acme_pay-later')).toBe('Acme Pay Later');
    expect(gatewayName('')).toBe('');
  });
});

describe('registrar names', () => {
  it('spells known registrars their own way and title-cases the rest', () => {
    expect(['enom', 'resellerclub', 'myregistrar'].map(registrarName)).toEqual([
      'eNom',
      'ResellerClub',
      'Myregistrar',
    ]);
  });
});

describe('a domain that has ended', () => {
  const answer = (status: string) => {
    const example = JSON.parse(exampleText('derived/GetClientsDomains.json'));
    const first = example.domains.domain[0];
    example.domains.domain = [{ ...first, status, donotrenew: '0' }];
    example.totalresults = example.numreturned = '1';

    return schemas.GetClientsDomains.parse(example).rows[0]?.value;
  };

  it('never reads as renewing automatically, whatever donotrenew says', () => {
    const renewing = ['Active', 'Grace', 'Expired', 'Cancelled'].map(
      (status) => answer(status)?.autoRenew,
    );

    expect(renewing).toEqual([true, true, false, false]);
  });
});
