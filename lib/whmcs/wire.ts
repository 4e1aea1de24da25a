import 'server-only';
import { z } from 'zod';

// Field parsers for what WHMCS actually sends: numbers that are sometimes
// strings, money and dates as strings, five forms of boolean, lists in any of
// their shapes (docs/whmcs.md). Each one accepts every observed form of a value
// and yields the portal's form: number, string, exact money string,
// Date | null, boolean, array.

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An integer sent as a JSON number or a numeric string (`1` or `"1"`). */
export const int = z
  .union([z.number(), z.string().trim().regex(INTEGER, 'expected an integer')])
  .transform(Number)
  .pipe(z.int());

/** A count that may also be "", null or missing; those read as 0. */
export const optInt = z
  .union([int, z.literal('')])
  .nullish()
  .transform((value) => (typeof value === 'number' ? value : 0));

/** A record id: a positive integer in either form. */
export const id = int.pipe(z.int().positive());

/** A string that WHMCS sometimes sends as a number (`"516757"` or `516757`). */
export const text = z.union([z.string(), z.number()]).transform(String);

/** Free text that may also be null or missing; both read as "". */
export const optText = text.nullish().transform((value) => value ?? '');

/** Money stays an exact decimal string; a JSON number is kept digit for digit. */
export const money = z
  .union([z.string().trim(), z.number().transform(String)])
  .pipe(z.string().regex(DECIMAL, 'expected a decimal amount'));

/** `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS` as UTC; `0000-00-00…`, "" and null are null. */
export const date = z
  .union([z.string(), z.null()])
  .optional()
  .transform((value, ctx) => {
    if (!value || value.startsWith('0000-00-00')) return null;
    const parsed = parseDate(value);
    if (parsed) return parsed;

    ctx.issues.push({
      code: 'custom',
      message: 'expected YYYY-MM-DD[ HH:MM:SS]',
      input: value,
    });
    return z.NEVER;
  });

function parseDate(value: string): Date | null {
  const parts = DATE.exec(value.trim());
  if (!parts) return null;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = parts
    .slice(1)
    .map((part) => Number(part ?? 0));
  const result = new Date(Date.UTC(y, mo - 1, d, h, mi, s));

  // Date.UTC rolls 2016-02-30 over to March; a rolled date is not a real date.
  const rolled = result.getUTCMonth() !== mo - 1 || result.getUTCDate() !== d;
  return rolled || h > 23 || mi > 59 || s > 59 ? null : result;
}

const TRUE: ReadonlySet<unknown> = new Set([true, 1, '1', 'true', 'on']);

/** The five boolean forms: 0/1, "0"/"1", true/false, "true"/"false", "" (false), "on". */
export const bool = z
  .union([
    z.boolean(),
    z.literal([0, 1]),
    z.literal(['0', '1', 'true', 'false', '', 'on']),
  ])
  .transform((value) => TRUE.has(value));

/** A flag that may be absent; absent is false. */
export const flag = bool.optional().transform((value) => value ?? false);

/**
 * A list in any of the shapes WHMCS uses for one: an array, `[]`, `""`, `{}`,
 * null or a missing key (empty), a numeric-keyed object, or a lone object.
 */
export function list<T extends z.ZodType>(item: T) {
  return z.preprocess(toArray, z.array(item));
}

/** `{plural: {singular: [...]}}`, e.g. `nested('invoice', row)` for `invoices`. */
export function nested<T extends z.ZodType>(key: string, item: T) {
  return z.preprocess((v) => (isRecord(v) && key in v ? v[key] : v), list(item));
}

function toArray(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return [];
  if (!isRecord(value)) return value;

  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((k) => INTEGER.test(k))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => value[k]);
  }

  return keys.length === 0 ? [] : [value];
}
