// Small deterministic helpers: a seeded PRNG, WHMCS date strings and money in cents.

export type Rng = {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chars(length: number, alphabet: string): string;
};

/** mulberry32: tiny, fast and good enough for demo data; same seed, same sequence. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');

    return item;
  };
  const chars = (length: number, alphabet: string) =>
    Array.from({ length }, () => alphabet[int(0, alphabet.length - 1)]).join('');

  return { next, int, pick, chars };
}

const DAY_MS = 86_400_000;

export const ZERO_DATE = '0000-00-00';
export const ZERO_DATETIME = '0000-00-00 00:00:00';

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function addMonths(date: Date, months: number): Date {
  const moved = new Date(date.getTime());
  moved.setUTCMonth(moved.getUTCMonth() + months);

  return moved;
}

// WHMCS prints server-local time without a zone; the simulator uses UTC so the
// seed is the same on every machine.
export function ymd(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function ymdHms(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** `dd/mm/yyyy`, the display format WHMCS puts into invoice item descriptions. */
export function dmy(date: Date): string {
  const [y, m, d] = ymd(date).split('-');

  return `${d}/${m}/${y}`;
}

/** Integer cents to a WHMCS decimal string ("15.95", "-2.00"). */
export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));

  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The formatted amount WHMCS uses in stats: `$2645.80 USD`. */
export function usd(cents: number): string {
  return `$${money(cents)} USD`;
}
