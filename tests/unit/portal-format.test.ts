import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, plural } from '@/components/format';

const usd = { code: 'USD', prefix: '$', suffix: ' USD' };
const bare = { code: 'EUR', prefix: '', suffix: '' };

describe('formatMoney', () => {
  it.each([
    ['15.95', '$15.95 USD'],
    ['1234567.5', '$1,234,567.50 USD'],
    ['-2.00', '-$2.00 USD'],
    ['0.005', '$0.01 USD'],
    ['-0.001', '$0.00 USD'],
  ])('shows %s with the currency as %s', (amount, expected) => {
    expect(formatMoney(amount, usd)).toBe(expected);
  });

  it('keeps digits beyond float precision exact', () => {
    const shown = formatMoney('12345678901234567.89', usd);

    expect(shown).toBe('$12,345,678,901,234,567.89 USD');
  });

  it('names the currency code when WHMCS gives neither prefix nor suffix', () => {
    expect(formatMoney('9.5', bare)).toBe('9.50 EUR');
  });

  it('shows the bare amount when the currency is unknown', () => {
    expect(formatMoney('9.5', null)).toBe('9.50');
  });
});

describe('dates', () => {
  it('formats in UTC whatever the server zone', () => {
    const lateEvening = new Date('2026-03-01T23:30:00Z');

    expect(formatDate(lateEvening)).toBe('1 March 2026');
    expect(formatDateTime(lateEvening)).toBe('1 March 2026 at 23:30 UTC');
  });

  it('names September in full, never the engine-dependent "Sept" or "Sep"', () => {
    const september = new Date('2026-09-04T09:05:00Z');

    expect(formatDate(september)).toBe('4 September 2026');
  });

  it('shows a dash for a missing date', () => {
    expect(formatDate(null)).toBe('—');
  });
});

describe('plural', () => {
  it('picks the form by count', () => {
    expect([plural(1, 'day'), plural(2, 'day'), plural(0, 'day')]).toEqual([
      '1 day',
      '2 days',
      '0 days',
    ]);
  });
});
