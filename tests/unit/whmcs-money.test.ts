import { describe, expect, it } from 'vitest';
import {
  addMoney,
  compareMoney,
  formatMoney,
  roundMoney,
  subtractMoney,
  sumMoney,
} from '@/lib/whmcs/money';

const USD = { code: 'USD', prefix: '$', suffix: ' USD' };

describe('sumMoney', () => {
  it('adds exactly where floats would drift', () => {
    expect(sumMoney(['0.1', '0.2'])).toBe('0.30');
  });

  it('sums unpaid invoice totals of different scales', () => {
    expect(sumMoney(['15.95', '2645.8', '0.005'])).toBe('2661.755');
  });

  it('sums nothing to zero', () => {
    expect(sumMoney([])).toBe('0.00');
  });

  it('handles negative amounts such as applied credit', () => {
    expect(sumMoney(['10.00', '-12.50'])).toBe('-2.50');
  });

  it('keeps large amounts exact', () => {
    expect(addMoney('9007199254740993.01', '0.01')).toBe('9007199254740993.02');
  });

  it('refuses something that is not a decimal amount', () => {
    expect(() => sumMoney(['$1.00'])).toThrow(RangeError);
  });
});

describe('subtractMoney', () => {
  it('subtracts exactly', () => {
    expect(subtractMoney('15.95', '0.95')).toBe('15.00');
  });
});

describe('compareMoney', () => {
  it('treats trailing zeros as equal', () => {
    expect(compareMoney('15.9', '15.90')).toBe(0);
  });

  it('orders by value, not by text', () => {
    expect([compareMoney('9.99', '10.00'), compareMoney('-1', '-2')]).toEqual([-1, 1]);
  });
});

describe('roundMoney', () => {
  it('rounds half away from zero', () => {
    expect([roundMoney('2.345'), roundMoney('-2.345')]).toEqual(['2.35', '-2.35']);
  });

  it('pads to the requested places', () => {
    expect(roundMoney('7', 2)).toBe('7.00');
  });

  it('does not produce a negative zero', () => {
    expect(roundMoney('-0.001')).toBe('0.00');
  });
});

describe('formatMoney', () => {
  it('puts the currency prefix and suffix around the amount', () => {
    expect(formatMoney('15.95', USD)).toBe('$15.95 USD');
  });

  it('puts the minus sign before the prefix', () => {
    expect(formatMoney('-2', USD)).toBe('-$2.00 USD');
  });

  it('shows a bare amount without a currency', () => {
    expect(formatMoney('3.1', null)).toBe('3.10');
  });
});
