import 'server-only';
import { Redis } from '@upstash/redis';
import { redisRecords } from './redis-records';
import { redisSessions } from './redis-sessions';
import { tcpRequester } from './redis-tcp';
import type { Store } from './types';

// The store for several instances: @upstash/redis and @upstash/ratelimit, over
// Upstash's REST API (Vercel, Upstash) or over TCP to any Redis (self-hosted).

export type RedisTarget =
  { kind: 'tcp'; url: string } | { kind: 'rest'; url: string; token: string };

export type RedisStoreOptions = {
  target: RedisTarget;
  timeoutMs: number;
  /** Namespaces every key, so one Redis can hold several portals (or test runs). */
  prefix?: string;
};

export const DEFAULT_PREFIX = 'kraken:';

function restClient(url: string, token: string, timeoutMs: number): Redis {
  return new Redis({
    url,
    token,
    // A lost request may have been applied (INCR, EVAL): never send it twice.
    // (`retry: false` would still try twice: the client loops `0..attempts`.)
    retry: { retries: 0 },
    signal: () => AbortSignal.timeout(timeoutMs),
    enableTelemetry: false,
  });
}

function connect(target: RedisTarget, timeoutMs: number) {
  if (target.kind === 'rest') {
    const redis = restClient(target.url, target.token, timeoutMs);
    return { redis, close: async () => undefined };
  }
  const tcp = tcpRequester(target.url, timeoutMs);

  return { redis: new Redis(tcp), close: () => tcp.close() };
}

export function openRedisStore(options: RedisStoreOptions): Store {
  const { target, timeoutMs, prefix = DEFAULT_PREFIX } = options;
  const { redis, close } = connect(target, timeoutMs);

  return {
    kind: 'redis',
    sessions: redisSessions(redis, prefix),
    ...redisRecords(redis, prefix, timeoutMs),
    async ping() {
      const answer = await redis.ping();
      if (answer !== 'PONG')
        throw new Error(`Redis answered ping with ${String(answer)}`);
    },
    close,
  };
}
