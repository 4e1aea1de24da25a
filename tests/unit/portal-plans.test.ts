import { describe, expect, it } from 'vitest';
import { otherPlans, pricedCycleOf } from '@/lib/whmcs/catalog';
import type { CatalogProduct } from '@/lib/whmcs/types';

// A service's other plans: the products of its group sold on its cycle, in
// the customer's currency, cheapest first.

const product = (
  id: number,
  prices: CatalogProduct['prices'],
  payType = 'recurring',
): CatalogProduct => ({
  id,
  groupId: 1,
  name: `Plan ${id}`,
  description: '',
  payType,
  prices,
});

const group = [
  product(1, { USD: { monthly: '10.00', annually: '100.00' } }),
  product(2, { USD: { monthly: '25.00' }, EUR: { monthly: '23.00' } }),
  product(3, { USD: { monthly: '5.00' } }),
  product(4, { USD: { annually: '40.00' } }),
  product(5, { USD: { monthly: '0.00' } }, 'free'),
];

describe('otherPlans', () => {
  it('leaves out the current plan, other cycles, other currencies and free plans', () => {
    const plans = otherPlans({ productId: 1, billingCycle: 'Monthly' }, group, 'usd');

    expect(plans).toEqual({
      cycle: 'monthly',
      plans: [
        { productId: 3, name: 'Plan 3', description: '', price: '5.00' },
        { productId: 2, name: 'Plan 2', description: '', price: '25.00' },
      ],
    });
  });

  it('prices on the service’s own cycle and currency', () => {
    expect(
      otherPlans({ productId: 4, billingCycle: 'Annually' }, group, 'USD')?.plans,
    ).toEqual([{ productId: 1, name: 'Plan 1', description: '', price: '100.00' }]);
    expect(
      otherPlans({ productId: 1, billingCycle: 'Monthly' }, group, 'EUR')?.plans,
    ).toEqual([{ productId: 2, name: 'Plan 2', description: '', price: '23.00' }]);
  });

  it('offers nothing to one-time and free services', () => {
    expect(
      otherPlans({ productId: 1, billingCycle: 'One Time' }, group, 'USD'),
    ).toBeNull();
    expect(
      otherPlans({ productId: 1, billingCycle: 'Free Account' }, group, 'USD'),
    ).toBeNull();
  });
});

describe('pricedCycleOf', () => {
  it('maps WHMCS’s cycle names to its pricing keys', () => {
    expect(
      [
        'Monthly',
        'Quarterly',
        'Semi-Annually',
        'Annually',
        'Biennially',
        'Triennially',
      ].map(pricedCycleOf),
    ).toEqual([
      'monthly',
      'quarterly',
      'semiannually',
      'annually',
      'biennially',
      'triennially',
    ]);
  });
});
