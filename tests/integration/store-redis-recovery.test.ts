// A Redis restart: while it is down every call fails closed at once; when it is
// back the same store reconnects by itself and reloads its scripts (a restarted
// Redis has an empty script cache, so EVALSHA answers NOSCRIPT once more).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '@/lib/store';
import { StoreUnavailableError, type Store } from '@/lib/store/types';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { session } from '../support/store-contract';

let server: RedisServer | undefined;
let store: Store | undefined;

beforeAll(async () => {
  server = await startRedisServer();
  const settings = {
    STORE: 'redis' as const,
    STORE_TIMEOUT_MS: 1_000,
    STORE_SQLITE_PATH: '-',
  };
  store = openStore({ ...settings, REDIS_URL: server.url }, 'restart:');
});

afterAll(async () => {
  await store?.close();
  await server?.stop();
});

async function whenBack(target: Store) {
  for (let tries = 0; tries < 50; tries++) {
    if (
      await target.ping().then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the store did not reconnect within 5 s');
}

it('fails closed while Redis is down and works again once it is back', async () => {
  if (!server || !store) throw new Error('redis-server did not start');
  expect((await store.rateLimits.hit('ip:r', 3, 60)).allowed).toBe(true);
  await store.sessions.create(session(), 5);

  await server.stop();
  const started = performance.now();
  await expect(store.rateLimits.hit('ip:r', 3, 60)).rejects.toThrow(
    StoreUnavailableError,
  );
  await expect(store.sessions.create(session(), 5)).rejects.toThrow(
    StoreUnavailableError,
  );
  expect(performance.now() - started).toBeLessThan(1_000);
  server = await startRedisServer(server.port);
  await whenBack(store);

  expect(await store.rateLimits.hit('ip:r', 3, 60)).toMatchObject({
    allowed: true,
    remaining: 2,
  });
  expect(await store.sessions.create(session(), 5)).toEqual([]);
});
