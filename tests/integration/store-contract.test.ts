// One contract, three ways to reach a store: sqlite (a temp file per scope),
// Redis over TCP (a real redis-server started here), and Upstash's REST API
// (faked with msw, each command run on that same redis-server).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type StoreSettings } from '@/lib/store';
import { freePort, startRedisServer, type RedisServer } from '../support/redis-server';
import { storeContract } from '../support/store-contract';
import { upstashFake, type UpstashFake } from '../support/upstash-fake';

const TIMEOUT_MS = 500;
const UPSTASH_URL = 'https://127.0.0.1:9/upstash';
const DEAD_UPSTASH_URL = 'https://127.0.0.1:9/gone';
const TOKEN = 'test-upstash-token';

const base: StoreSettings = {
  STORE: 'sqlite',
  STORE_SQLITE_PATH: ':memory:',
  STORE_TIMEOUT_MS: 2_000,
};

const folder = mkdtempSync(join(tmpdir(), 'kraken-store-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

storeContract('sqlite', (scope) =>
  openStore({ ...base, STORE_SQLITE_PATH: join(folder, `${scope}.sqlite`) }),
);

const upstash = (url: string, timeoutMs = 2_000): StoreSettings => ({
  ...base,
  STORE: 'redis',
  STORE_TIMEOUT_MS: timeoutMs,
  UPSTASH_REDIS_REST_URL: url,
  UPSTASH_REDIS_REST_TOKEN: TOKEN,
});

// Without redis-server these fail (beforeAll names the missing package); sqlite still runs.
describe('on a real redis-server', () => {
  let redis: RedisServer | undefined;
  let fake: UpstashFake | undefined;
  let deadPort = 0;
  const msw = setupServer(http.post(`${DEAD_UPSTASH_URL}*`, () => HttpResponse.error()));

  beforeAll(async () => {
    deadPort = await freePort();
    redis = await startRedisServer();
    fake = upstashFake(UPSTASH_URL, TOKEN, redis.url);
    msw.use(...fake.handlers);
    msw.listen({ onUnhandledRequest: 'error' });
  });

  afterAll(async () => {
    msw.close();
    await fake?.close();
    await redis?.stop();
  });

  const redisUrl = () => {
    if (!redis) throw new Error('redis-server did not start (see beforeAll)');
    return redis.url;
  };

  storeContract(
    'redis over TCP',
    (scope) =>
      openStore({ ...base, STORE: 'redis', REDIS_URL: redisUrl() }, `t:${scope}:`),
    {
      timeoutMs: TIMEOUT_MS,
      make: () => {
        const settings = {
          ...base,
          STORE: 'redis' as const,
          STORE_TIMEOUT_MS: TIMEOUT_MS,
        };
        return openStore({ ...settings, REDIS_URL: `redis://127.0.0.1:${deadPort}` });
      },
    },
  );

  storeContract(
    'redis over the Upstash REST API',
    (scope) => openStore(upstash(UPSTASH_URL), `u:${scope}:`),
    {
      timeoutMs: TIMEOUT_MS,
      make: () => openStore(upstash(DEAD_UPSTASH_URL, TIMEOUT_MS)),
    },
  );

  it('takes the Upstash REST run through the REST API, not around it', async () => {
    const store = openStore(upstash(UPSTASH_URL), 'rest-check:');
    const before = fake?.requests() ?? 0;

    await store.ping();

    expect(fake?.requests()).toBe(before + 1);
  });
});
