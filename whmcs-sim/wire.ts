// How WHMCS reads parameters and writes answers: form fields in, PHP-encoded
// JSON (or legacy `key=value;` text) out.
import type { SimState } from './state';
import type { Rng } from './util';

export type Outcome =
  { ok: true; body: Record<string, unknown> } | { ok: false; message: string };

export type ActionContext = {
  state: SimState;
  /** The simulator's current time: the seed's `now` plus the time since start-up. */
  clock: () => Date;
  rng: Rng;
  /** Departments the API credential's admin is assigned to (ticket visibility). */
  departments: readonly number[];
  /** Admin id behind the credential, for "My Flagged Tickets". */
  adminId: number;
  /** Where the simulator answers, for links it hands out (single sign-on). */
  baseUrl: () => string;
};

export type Handler = (params: URLSearchParams, ctx: ActionContext) => Outcome;

export const success = (body: Record<string, unknown> = {}): Outcome => ({
  ok: true,
  body: { result: 'success', ...body },
});

export const failure = (message: string): Outcome => ({ ok: false, message });

/** A trimmed parameter, or undefined when absent or blank. */
export function text(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name)?.trim();

  return value ? value : undefined;
}

export function int(params: URLSearchParams, name: string): number | undefined {
  const value = text(params, name);
  if (value === undefined || !/^-?\d+$/.test(value)) return undefined;

  return Number(value);
}

/** WHMCS accepts 1/0, true/false and on for booleans. */
export function flag(params: URLSearchParams, name: string): boolean {
  return ['1', 'true', 'on', 'yes'].includes((text(params, name) ?? '').toLowerCase());
}

export type Page<T> = { rows: T[]; total: number; start: number };

/** `limitstart`/`limitnum` paging; the docs give 25 as the default page size. */
export function paginate<T>(rows: readonly T[], params: URLSearchParams): Page<T> {
  const start = Math.max(0, int(params, 'limitstart') ?? 0);
  const limit = int(params, 'limitnum') ?? 25;
  const size = limit > 0 ? limit : 25;

  return { rows: rows.slice(start, start + size), total: rows.length, start };
}

export const contains = (haystack: string, needle: string) =>
  haystack.toLowerCase().includes(needle.toLowerCase());

/**
 * PHP's json_encode with default flags: `/` escaped as `\/` and every
 * non-ASCII character as a \u escape of four hex digits (UTF-16 units, like PHP).
 */
export function phpJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(
      /[\u0080-\uffff]/g,
      (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
}

/** The legacy text format WHMCS answers with when `responsetype` is left out. */
export function nvp(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key}=${value}`)
    .join(';');
}
