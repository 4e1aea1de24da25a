import 'server-only';
import type { Currency, Money } from '@/lib/whmcs/types';

// Exact arithmetic on decimal strings ("15.95", "-2.00", "0.000") with BigInt:
// an amount is an integer count of units at some scale. No float ever holds money.

type Decimal = { units: bigint; scale: number };

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function parse(amount: Money): Decimal {
  const match = DECIMAL.exec(amount.trim());
  if (!match) throw new RangeError(`Not a decimal amount: "${amount}"`);
  const [, sign, whole = '0', fraction = ''] = match;
  const units = BigInt(whole + fraction);

  return { units: sign ? -units : units, scale: fraction.length };
}

function at(value: Decimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

function render(units: bigint, scale: number): Money {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';

  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Exact sum, at the largest scale among the inputs (at least 2 places). */
export function sumMoney(amounts: readonly Money[]): Money {
  const values = amounts.map(parse);
  const scale = Math.max(2, ...values.map((v) => v.scale));
  const total = values.reduce((sum, v) => sum + at(v, scale), 0n);

  return render(total, scale);
}

export function addMoney(a: Money, b: Money): Money {
  return sumMoney([a, b]);
}

export function subtractMoney(a: Money, b: Money): Money {
  const right = parse(b);
  return sumMoney([a, render(-right.units, right.scale)]);
}

/** -1, 0 or 1; "15.9" equals "15.90". */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  const [x, y] = [parse(a), parse(b)];
  const scale = Math.max(x.scale, y.scale);
  const diff = at(x, scale) - at(y, scale);

  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/** Rounds half away from zero to `places` decimals ("2.345" → "2.35"). */
export function roundMoney(amount: Money, places = 2): Money {
  const value = parse(amount);
  if (value.scale <= places) return render(at(value, places), places);

  const divisor = 10n ** BigInt(value.scale - places);
  const magnitude = value.units < 0n ? -value.units : value.units;
  const rounded = (magnitude + divisor / 2n) / divisor;

  return render(value.units < 0n ? -rounded : rounded, places);
}

/** "$15.95 USD" from "15.95" and the currency's prefix/suffix; "-$2.00 USD" below zero. */
export function formatMoney(
  amount: Money,
  currency: Currency | null,
  places = 2,
): string {
  const rounded = roundMoney(amount, places);
  const negative = rounded.startsWith('-');
  const digits = negative ? rounded.slice(1) : rounded;
  const prefix = currency?.prefix ?? '';
  const suffix = currency?.suffix ?? '';

  return `${negative ? '-' : ''}${prefix}${digits}${suffix}`;
}
