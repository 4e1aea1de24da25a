import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@/lib/store';
import { startStack, type Stack } from '../../scripts/stack.mjs';
import { freePort, startRedisServer, type RedisServer } from '../support/redis-server';

// Two portal processes behind one Redis, as a load balancer would run them:
// what one instance decides about a session or a sign-in limit, the other
// must honour. Needs the production build that `npm test` makes first.

const PASSWORD = 'KrakenDemo!2026';
let redis: RedisServer;
let a: Stack;
let b: Stack;

beforeAll(async () => {
  if (!existsSync('.next/standalone/server.js')) {
    throw new Error(
      'No production build: run `npm test` (it builds first) or `npm run build`.',
    );
  }
  redis = await startRedisServer();
  const shared = {
    STORE: 'redis',
    REDIS_URL: redis.url,
    JWT_SECRET: randomBytes(48).toString('base64'),
    ADMIN_JWT_SECRET: randomBytes(48).toString('base64'),
    SIGN_IN_LIMIT_PER_IP: '1000',
    LOG_LEVEL: 'warn',
  };
  const ports = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  [a, b] = await Promise.all([
    startStack({ port: ports[0], simPort: ports[1], quiet: true, extraEnv: shared }),
    startStack({ port: ports[2], simPort: ports[3], quiet: true, extraEnv: shared }),
  ]);
}, 120_000);

afterAll(async () => {
  a?.stop();
  b?.stop();
  await redis?.stop();
});

async function signIn(stack: Stack, email: string, password = PASSWORD) {
  const response = await fetch(`${stack.url}/api/auth/password`, {
    method: 'POST',
    body: new URLSearchParams({ email, password }),
    redirect: 'manual',
  });
  const cookie = response.headers
    .get('set-cookie')
    ?.match(/__Host-kp_session=[^;]+/)?.[0];

  return { status: response.status, cookie };
}

const get = (stack: Stack, path: string, cookie = '') =>
  fetch(`${stack.url}${path}`, { headers: { cookie }, redirect: 'manual' });

describe('two portal instances sharing one Redis', () => {
  it('refuses on one instance a session signed out on the other', async () => {
    const { cookie } = await signIn(a, 'contractor@kraken.example');
    expect(cookie).toBeTruthy();
    expect((await get(b, '/services', cookie)).status).toBe(200);

    const out = await fetch(`${a.url}/api/sign-out`, {
      method: 'POST',
      headers: { cookie: cookie ?? '' },
      redirect: 'manual',
    });
    const after = await get(b, '/services', cookie);

    expect(out.status).toBe(303);
    expect(after.status).toBe(307);
    expect(after.headers.get('location')).toContain('/login');
  });

  it('counts sign-in attempts for one account across both instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const stack = i % 2 === 0 ? a : b;
      statuses.push((await signIn(stack, 'nobody@kraken.example', 'wrong')).status);
    }

    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(303));
    expect(statuses[10]).toBe(429);
  });

  it('holds the five-session cap when ten sign-ins race on both instances', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        signIn(i % 2 === 0 ? a : b, 'alice@kraken.example'),
      ),
    );
    const store = openStore({
      STORE: 'redis',
      REDIS_URL: redis.url,
      STORE_TIMEOUT_MS: 2000,
      STORE_SQLITE_PATH: ':memory:',
      UPSTASH_REDIS_REST_URL: undefined,
      UPSTASH_REDIS_REST_TOKEN: undefined,
    });
    const live = await store.sessions.listActive('customer', '1');
    await store.close();

    expect(results.every((r) => r.status === 303 && r.cookie)).toBe(true);
    expect(live).toHaveLength(5);
  });
});
