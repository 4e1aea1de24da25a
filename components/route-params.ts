import { notFound } from 'next/navigation';
import { z } from 'zod';

// Parsing of what arrives in the URL. Ids are positive integers or the page is a
// 404; paging and filters fall back to their defaults instead of failing.

export type SearchParams = Record<string, string | string[] | undefined>;

export const PAGE_SIZE = 20;

const idSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)
  .pipe(z.number().int().positive().max(2_147_483_647));

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

/** The record id of a detail page; anything but a positive integer is not found. */
export function parseId(raw: string): number {
  const id = idOrNull(raw);
  if (id === null) notFound();

  return id;
}

export function idOrNull(raw: string): number | null {
  const parsed = idSchema.safeParse(raw);

  return parsed.success ? parsed.data : null;
}

export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parsePage(params: SearchParams): number {
  return pageSchema.parse(firstParam(params.page) ?? 1);
}

/** One of `allowed`, or undefined when absent or not recognised. */
export function parseChoice<T extends string>(
  value: string | string[] | undefined,
  allowed: readonly T[],
): T | undefined {
  const first = firstParam(value);

  return allowed.find((choice) => choice === first);
}

export function offsetOf(page: number): number {
  return (page - 1) * PAGE_SIZE;
}

/** A same-page link with the given query; empty values are left out. */
export function hrefWith(
  path: string,
  query: Record<string, string | number | undefined>,
) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();

  return text ? `${path}?${text}` : path;
}
