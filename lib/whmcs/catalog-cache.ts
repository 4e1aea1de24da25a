import 'server-only';
import type { ReadAction } from '@/lib/whmcs/allowlist';
import type { FormParams } from '@/lib/whmcs/form';

// A short-lived, in-process cache shared by every request, for WHMCS answers
// that are the same for every customer: the catalogue (support departments,
// products; later currencies). React's cache() only lasts one request; these
// change rarely, so asking WHMCS once every few minutes is enough. The key is
// the action and its parameters and nothing else, so an answer about one
// customer must never come through here: the actions are limited to CATALOG.

export const CATALOG = [
  'GetSupportDepartments',
  'GetProducts',
] as const satisfies readonly ReadAction[];
export type CatalogAction = (typeof CATALOG)[number];

export const CATALOG_TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 100;
/** Parameters that would make an answer someone's own, and so unshareable. */
const PERSONAL = /^(clientid|userid|email|serviceid|domainid|invoiceid|ticketid)$/i;

// Once the answer is in, an entry keeps the data and lets the promise go: a
// promise carries the async context of the request that made it (Next's request
// store, React's render and all they reach), and five minutes of holding it
// held that request's memory too (seen in `npm run soak`).
type Entry = { expires: number; pending: Promise<unknown> | null; data?: unknown };
const entries = new Map<string, Entry>();

/**
 * The answer of `load()` for this action and these parameters, from the cache
 * while it is fresh. Concurrent callers share one request; a failure is not
 * kept, so the next caller asks WHMCS again.
 */
export function catalog<T>(
  action: CatalogAction,
  params: FormParams,
  load: () => Promise<T>,
  now: () => number = Date.now,
): Promise<T> {
  const personal = Object.keys(params).find((name) => PERSONAL.test(name));
  if (personal)
    throw new TypeError(`${action}: ${personal} has no place in a shared cache`);

  const key = `${action}?${JSON.stringify(Object.entries(params).sort())}`;
  const hit = entries.get(key);
  if (hit && hit.expires > now())
    return (hit.pending ?? Promise.resolve(hit.data)) as Promise<T>;

  const pending = load();
  const entry: Entry = { expires: now() + CATALOG_TTL_MS, pending };
  entries.delete(key);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, entry);
  pending.then(
    (data) => Object.assign(entry, { pending: null, data }),
    () => {
      if (entries.get(key) === entry) entries.delete(key);
    },
  );

  return pending;
}

/** Forgets every cached answer (tests). */
export function clearCatalog(): void {
  entries.clear();
}
