import 'server-only';
import type { Counters } from '@/lib/store/types';

// Where the alert rules count. With the store, every portal instance counts
// into the same windows and claims each alert once, so a burst spread over
// several instances is seen, and alerted, once. The store's windows are fixed
// (a burst across a window boundary can split in two); when the store cannot
// answer, this process counts alone in sliding windows, so an alert about the
// store itself (or any other) still goes out.

export type Counting = {
  /** Counts one event under `id`; returns how many are in its window now. */
  count(id: string, windowSeconds: number): Promise<number>;
  /** True for the first claim of `id` within `windowSeconds`, false after. */
  claim(id: string, windowSeconds: number): Promise<boolean>;
};

const MAX_KEYS = 10_000;

/** Sliding windows in this process's memory. */
export function memoryCounting(now: () => number = Date.now): Counting {
  const seen = new Map<string, number[]>();
  const claimed = new Map<string, number>();

  return {
    async count(id, windowSeconds) {
      const at = now();
      const recent = (seen.get(id) ?? []).filter((t) => t > at - windowSeconds * 1000);
      remember(seen, id, [...recent.slice(-MAX_PER_KEY + 1), at]);
      return recent.length + 1;
    },
    async claim(id, windowSeconds) {
      const at = now();
      if ((claimed.get(id) ?? 0) > at) return false;
      remember(claimed, id, at + windowSeconds * 1000);
      return true;
    },
  };
}

/** The store's counters, falling back to `local` whenever the store fails. */
export function storeCounting(counters: () => Counters, local: Counting): Counting {
  return {
    count: (id, windowSeconds) =>
      attempt(
        () => counters().incr(`alert:${id}`, windowSeconds),
        () => local.count(id, windowSeconds),
      ),
    claim: (id, windowSeconds) =>
      attempt(
        () => counters().claim(`alert:${id}`, windowSeconds),
        () => local.claim(id, windowSeconds),
      ),
  };
}

async function attempt<T>(shared: () => Promise<T>, alone: () => Promise<T>): Promise<T> {
  try {
    return await shared();
  } catch {
    return alone();
  }
}

// A window never needs more than this many times to reach any rule's threshold.
const MAX_PER_KEY = 100;

/** Sets a key, dropping the oldest one when the map is full. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  if (map.size >= MAX_KEYS) map.delete(map.keys().next().value as string);
  map.set(key, value);
}
