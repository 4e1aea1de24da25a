import 'server-only';
import { env, type Env } from '@/lib/env';
import { log } from '@/lib/log';
import { openRedisStore, type RedisTarget } from './redis';
import { openSqliteStore } from './sqlite';
import { StoreUnavailableError, type Store } from './types';

// The store the portal uses, opened once per process. Every call has a time
// limit, and any failure (down, slow, refused, damaged data) becomes a
// StoreUnavailableError: callers fail closed with a 503, never open.

export type StoreSettings = Pick<
  Env,
  | 'STORE'
  | 'STORE_SQLITE_PATH'
  | 'STORE_TIMEOUT_MS'
  | 'REDIS_URL'
  | 'UPSTASH_REDIS_REST_URL'
  | 'UPSTASH_REDIS_REST_TOKEN'
>;

type Method = (...args: never[]) => Promise<unknown>;

function unavailable(op: string, error: unknown): StoreUnavailableError {
  if (error instanceof StoreUnavailableError) return error;
  const reason = error instanceof Error ? error.message : String(error);

  return new StoreUnavailableError(`Store ${op} failed: ${reason}`, { cause: error });
}

async function limited<T>(
  op: string,
  timeoutMs: number,
  run: () => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const message = `Store ${op} took longer than ${timeoutMs} ms`;
    timer = setTimeout(() => reject(new StoreUnavailableError(message)), timeoutMs);
  });
  try {
    return await Promise.race([run(), timeout]);
  } catch (error) {
    const failure = unavailable(op, error);
    log().error({ event: 'store.unavailable', op, reason: failure.message });
    throw failure;
  } finally {
    clearTimeout(timer);
  }
}

function limitAll<T extends Record<string, Method>>(
  area: string,
  target: T,
  ms: number,
): T {
  const entries = Object.entries(target).map(([name, method]) => {
    const op = `${area}.${name}`;
    return [name, (...args: never[]) => limited(op, ms, () => method(...args))];
  });

  return Object.fromEntries(entries) as T;
}

/** Wraps a backend so that every call ends within `timeoutMs`, in a StoreUnavailableError if not well. */
export function guarded(inner: Store, timeoutMs: number): Store {
  const area = <T extends Record<string, Method>>(name: string, target: T) =>
    limitAll(`${inner.kind}.${name}`, target, timeoutMs);

  return {
    kind: inner.kind,
    sessions: area('sessions', inner.sessions),
    rateLimits: area('rateLimits', inner.rateLimits),
    logins: area('logins', inner.logins),
    audit: area('audit', inner.audit),
    counters: area('counters', inner.counters),
    ping: () => limited(`${inner.kind}.ping`, timeoutMs, () => inner.ping()),
    close: () => inner.close(),
  };
}

function redisTarget(settings: StoreSettings): RedisTarget {
  const {
    REDIS_URL,
    UPSTASH_REDIS_REST_URL: url,
    UPSTASH_REDIS_REST_TOKEN: token,
  } = settings;
  if (REDIS_URL) return { kind: 'tcp', url: REDIS_URL };
  if (url && token) return { kind: 'rest', url, token };

  throw new StoreUnavailableError('STORE=redis needs REDIS_URL or the Upstash REST pair');
}

/** Opens the backend the settings name, guarded. Tests and tools open their own. */
export function openStore(settings: StoreSettings, prefix?: string): Store {
  const timeoutMs = settings.STORE_TIMEOUT_MS;
  const inner =
    settings.STORE === 'redis'
      ? openRedisStore({ target: redisTarget(settings), timeoutMs, prefix })
      : openSqliteStore(settings.STORE_SQLITE_PATH);

  return guarded(inner, timeoutMs);
}

// On globalThis: Next may load this module once per route bundle, and the
// process should still hold one connection (or one sqlite handle).
const KEY = Symbol.for('kraken.store');
const holder = globalThis as { [KEY]?: Store };

/** The configured store (env STORE), opened on first use. */
export function store(): Store {
  if (holder[KEY]) return holder[KEY];
  try {
    holder[KEY] = openStore(env());
  } catch (error) {
    throw unavailable('open', error);
  }

  return holder[KEY];
}
