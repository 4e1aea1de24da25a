import 'server-only';
import type { z } from 'zod';
import type { Currency } from '@/lib/whmcs/types';
import { int } from '@/lib/whmcs/wire';

/** A mapped row with the client id WHMCS says owns it, for the ownership checks. */
export type Owned<T> = { ownerId: number; value: T };

export type RowPage<T> = { total: number; offset: number; rows: Owned<T>[] };

/**
 * Paging keys of list answers. Their JSON types differ per action and even
 * within one answer, and not every action sends all three (docs/whmcs.md#paging-keys).
 */
export const paging = {
  totalresults: int.optional(),
  startnumber: int.optional(),
  numreturned: int.optional(),
};

type Paging = { totalresults?: number; startnumber?: number; numreturned?: number };

/**
 * Builds a page. WHMCS counting rows the portal cannot see means the list sits
 * under a key or in a shape the schema does not know (the docs print some
 * examples flattened as "domains[domain][0][id]"); reading that as "no rows"
 * would turn an unknown answer into an empty account, so it is refused.
 */
export function toPage<T>(
  wire: Paging,
  rows: Owned<T>[],
  ctx: z.RefinementCtx,
): RowPage<T> {
  const claimed = wire.numreturned ?? 0;
  if (claimed > 0 && rows.length === 0) {
    ctx.issues.push({
      code: 'custom',
      message: `numreturned is ${claimed} but no rows were found`,
      input: wire,
    });
  }

  return { total: wire.totalresults ?? rows.length, offset: wire.startnumber ?? 0, rows };
}

const SYMBOLS: Readonly<Record<string, string>> = {
  USD: '$',
  CAD: '$',
  AUD: '$',
  NZD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  INR: '₹',
  BRL: 'R$',
  ZAR: 'R',
};

/**
 * A currency from its code. Where WHMCS does not send prefix and suffix
 * (GetClientsDetails has only `currency_code`), WHMCS's own default style is
 * used: a known symbol in front, the code behind ("$12.95 USD").
 */
export function currencyOf(code: string, prefix?: string, suffix?: string): Currency {
  const upper = code.trim().toUpperCase();

  return {
    code: upper,
    prefix: prefix ?? SYMBOLS[upper] ?? '',
    suffix: suffix ?? ` ${upper}`,
  };
}
