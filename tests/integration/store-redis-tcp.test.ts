// The TCP requester against a real redis-server: the @upstash/ratelimit shebang
// rewrite, its EVALSHA hash mapping, and failing closed when Redis hangs.
import { createHash } from 'node:crypto';
import type { Server } from 'node:net';
import { Redis, type UpstashResponse } from '@upstash/redis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@/lib/store';
import { redisRecords } from '@/lib/store/redis-records';
import { tcpRequester, withoutUpstashFlags } from '@/lib/store/redis-tcp';
import { StoreUnavailableError } from '@/lib/store/types';
import {
  silentServer,
  startRedisServer,
  type RedisServer,
} from '../support/redis-server';

const FLAGGED = '#!lua flags=allow-key-locking\nreturn 42';
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

let server: RedisServer | undefined;
let admin: ReturnType<typeof createClient> | undefined;
let silent: { url: string; server: Server } | undefined;

beforeAll(async () => {
  server = await startRedisServer();
  admin = createClient({ url: server.url });
  await admin.connect();
  silent = await silentServer();
});

afterAll(async () => {
  await admin?.close();
  silent?.server.close();
  await server?.stop();
});

const url = () => server?.url ?? 'redis://127.0.0.1:1';

/** calls and failed calls of one command since the last CONFIG RESETSTAT. */
async function stats(command: string) {
  const info = String(await admin?.sendCommand(['INFO', 'commandstats']));
  const line = info.split('\r\n').find((l) => l.startsWith(`cmdstat_${command}:`)) ?? '';
  const number = (field: string) =>
    Number(new RegExp(`${field}=(\\d+)`).exec(line)?.[1] ?? 0);

  return {
    calls: number('calls'),
    failed: number('failed_calls') + number('rejected_calls'),
  };
}

describe('the @upstash/ratelimit shebang on plain Redis', () => {
  it('is refused by redis-server as it is', async () => {
    const attempt = admin?.sendCommand(['EVAL', FLAGGED, '0']);

    await expect(attempt).rejects.toThrow(/Unexpected flag/);
  });

  it('loses only the allow-key-locking flag', () => {
    expect(withoutUpstashFlags(FLAGGED)).toBe('#!lua\nreturn 42');
    expect(withoutUpstashFlags('#!lua flags=no-writes,allow-key-locking\nx')).toBe(
      '#!lua flags=no-writes\nx',
    );
    expect(withoutUpstashFlags('return 1')).toBe('return 1');
  });

  it('runs after SCRIPT LOAD under the hash its caller computed', async () => {
    const requester = tcpRequester(url(), 2_000);
    const redis = new Redis(requester);

    const hash = await redis.scriptLoad(FLAGGED);
    const result = await redis.evalsha(hash, [], []);

    expect(hash).toBe(sha1(FLAGGED));
    expect(result).toBe(42);
    await requester.close();
  });

  it('costs one EVAL per script and process, then only EVALSHA that succeed', async () => {
    const store = openStore(
      {
        STORE: 'redis',
        REDIS_URL: url(),
        STORE_TIMEOUT_MS: 2_000,
        STORE_SQLITE_PATH: '-',
      },
      'stats:',
    );
    await admin?.sendCommand(['CONFIG', 'RESETSTAT']);

    for (let i = 0; i < 5; i++) await store.rateLimits.hit('ip:stats', 100, 60);
    const first = { eval: await stats('eval'), evalsha: await stats('evalsha') };
    await admin?.sendCommand(['CONFIG', 'RESETSTAT']);
    for (let i = 0; i < 5; i++) await store.rateLimits.hit('ip:stats', 100, 60);
    const later = { eval: await stats('eval'), evalsha: await stats('evalsha') };

    expect(first).toEqual({
      eval: { calls: 1, failed: 0 },
      evalsha: { calls: 5, failed: 1 },
    });
    expect(later).toEqual({
      eval: { calls: 0, failed: 0 },
      evalsha: { calls: 5, failed: 0 },
    });
    await store.close();
  });
});

describe('a Redis that accepts connections and never answers', () => {
  const settings = () => ({
    STORE: 'redis' as const,
    REDIS_URL: silent?.url,
    STORE_TIMEOUT_MS: 400,
    STORE_SQLITE_PATH: '-',
  });

  it('fails a call with StoreUnavailableError once the timeout has passed', async () => {
    const store = openStore(settings());
    const started = performance.now();

    await expect(store.sessions.get('sid')).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect(performance.now() - started).toBeLessThan(1_400);
    await store.close();
  });

  it('never takes the rate limiter giving up as a pass', async () => {
    const hanging = new Redis({
      request: <T>() => new Promise<UpstashResponse<T>>(() => undefined),
    });
    const { rateLimits } = redisRecords(hanging, 'hanging:', 100);

    const outcome = rateLimits.hit('ip:hanging', 5, 60);

    await expect(outcome).rejects.toThrow(StoreUnavailableError);
    await expect(outcome).rejects.toThrow(/timed out/);
  });
});
