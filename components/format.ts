import { roundMoney } from '@/lib/whmcs/money';
import type { Currency, Money } from '@/lib/whmcs/types';

// Display formatting for the portal pages. Dates are shown in UTC so that every
// reader sees the same day WHMCS stored; amounts stay exact decimal strings.

// en-GB month names in full: its short form of September is "Sep" in some
// engines and "Sept" in others (Node's ICU), and a table of dates should not
// mix the two. "4 September 2026" reads the same everywhere.
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  dateStyle: 'long',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  dateStyle: 'long',
  timeStyle: 'short',
});

export function formatDate(date: Date | null): string {
  return date ? dateFormat.format(date) : '—';
}

export function formatDateTime(date: Date | null): string {
  return date ? `${dateTimeFormat.format(date)} UTC` : '—';
}

/** "1234.5" with a £ prefix → "£1,234.50"; the string is never turned into a float. */
export function formatMoney(amount: Money, currency: Currency | null): string {
  const rounded = roundMoney(amount, 2);
  const negative = rounded.startsWith('-');
  const [whole = '0', fraction = '00'] = (negative ? rounded.slice(1) : rounded).split(
    '.',
  );
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = withCurrency(`${grouped}.${fraction}`, currency);

  return negative ? `-${body}` : body;
}

function withCurrency(digits: string, currency: Currency | null): string {
  if (!currency) return digits;
  if (!currency.prefix && !currency.suffix) return `${digits} ${currency.code}`;

  return `${currency.prefix}${digits}${currency.suffix}`;
}

/** Disk and bandwidth figures arrive in megabytes. */
export function formatMegabytes(mb: number): string {
  if (mb >= 1024 * 1024) return `${(mb / (1024 * 1024)).toFixed(1)} TB`;
  if (mb >= 1024) return `${(mb / 1024).toFixed(1)} GB`;

  return `${mb} MB`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
