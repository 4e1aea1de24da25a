import 'server-only';
import { env } from '@/lib/env';

// A short-lived cache, in this process, for what every page shows around its
// content about the signed-in person: the accounts the header's switcher
// offers (GetUsers and GetClientsDetails) and the account's currency. Without
// it each page asks WHMCS for them again (issue #5). Every key holds the user
// id, the email the session carries and the client id of the account signed
// in to, so an entry only ever answers the same person on the same account;
// another client's session, even the same login's, has keys of its own.
// Nothing here grants access: switching accounts asks WHMCS afresh and the
// guard checks the session on every request. As in the catalogue cache, an
// entry keeps the data, not the promise (with the async context) of the
// request that loaded it; a failure is not kept.

export type AccountKey = { userId: number; clientId: number; email: string };

const MAX_ENTRIES = 5_000;

type Entry = { expires: number; pending: Promise<unknown> | null; data?: unknown };

const CACHE = Symbol.for('kraken.accountCache');
const holder = globalThis as typeof globalThis & { [CACHE]?: Map<string, Entry> };
const entries = () => (holder[CACHE] ??= new Map());

function keyOf(what: string, { userId, clientId, email }: AccountKey): string {
  for (const [name, id] of [
    ['userId', userId],
    ['clientId', clientId],
  ] as const) {
    if (!Number.isSafeInteger(id) || id <= 0)
      throw new TypeError(`account cache: ${name} must be a positive integer`);
  }
  if (!email) throw new TypeError('account cache: email is required');

  return JSON.stringify([what, userId, clientId, email.toLowerCase()]);
}

/**
 * `load()`'s answer about this person on this account, kept for
 * ACCOUNT_CACHE_SECONDS. Concurrent callers share one load.
 */
export function forAccount<T>(
  what: string,
  key: AccountKey,
  load: () => Promise<T>,
  now: () => number = Date.now,
): Promise<T> {
  const id = keyOf(what, key);
  const ttlMs = env().ACCOUNT_CACHE_SECONDS * 1000;
  if (ttlMs === 0) return load();

  const cache = entries();
  const hit = cache.get(id);
  if (hit && hit.expires > now())
    return (hit.pending ?? Promise.resolve(hit.data)) as Promise<T>;

  const pending = load();
  const entry: Entry = { expires: now() + ttlMs, pending };
  cache.delete(id);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(id, entry);
  pending.then(
    (data) => Object.assign(entry, { pending: null, data }),
    () => {
      if (cache.get(id) === entry) cache.delete(id);
    },
  );

  return pending;
}
