import type { SimState } from './state';
import { addDays, dmy, type Rng } from './util';

/** What every seed step gets: the PRNG, the anchor date and the state being filled. */
export type SeedContext = { rng: Rng; now: Date; state: SimState };

export function daysFromNow(ctx: SeedContext, days: number): Date {
  return addDays(ctx.now, days);
}

export function uuid(rng: Rng): string {
  const hex = (n: number) => rng.chars(n, '0123456789abcdef');

  const variant = rng.pick(['8', '9', 'a', 'b']);

  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

/** WHMCS keeps the last login as display HTML (see GetClientsDetails `lastlogin`). */
export function lastLoginHtml(ctx: SeedContext, daysAgo: number): string {
  const at = addDays(ctx.now, -daysAgo);
  const time = at.toISOString().slice(11, 16);
  const ip = `198.51.100.${ctx.rng.int(2, 250)}`;

  return `Date: ${dmy(at)} ${time}<br>IP Address: ${ip}<br>Host: ${ip}`;
}

export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
