// The one contract every store backend passes (lib/store/types.ts). A backend
// is given as `makeStore(scope)`: stores opened with the same scope share their
// data (one sqlite file, one Redis key prefix), as two portal instances would;
// every test uses a scope of its own.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreUnavailableError, type SessionRecord, type Store } from '@/lib/store/types';
import { auditCases } from './store-contract-audit';
import { sessionListCases } from './store-contract-lists';
import { recordCases } from './store-contract-records';
import { sessionCases } from './store-contract-sessions';

export type MakeStore = (scope: string) => Store | Promise<Store>;
export type Open = (scope?: string) => Promise<Store>;
export type DeadStore = { make: () => Store; timeoutMs: number };

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A live customer session created now, valid for an hour. */
export function session(fields: Partial<SessionRecord> = {}): SessionRecord {
  const now = nowSeconds();

  return {
    sid: randomUUID(),
    realm: 'customer',
    subject: '7',
    clientId: 3,
    jti: randomUUID(),
    prevJti: null,
    rotatedAt: null,
    createdAt: now,
    lastSeenAt: now,
    authAt: now,
    expiresAt: now + 3600,
    revokedAt: null,
    revokedReason: null,
    ip: '203.0.113.5',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0 — ü',
    ...fields,
  };
}

async function failsClosed(call: () => Promise<unknown>, timeoutMs: number) {
  const started = performance.now();
  const error = await call().then(
    () => null,
    (failure: unknown) => failure,
  );

  expect(error).toBeInstanceOf(StoreUnavailableError);
  expect(performance.now() - started).toBeLessThan(timeoutMs + 300);
}

function deadCases(dead: DeadStore) {
  describe('when the backend cannot be reached', () => {
    it('fails every kind of call with StoreUnavailableError within the timeout', async () => {
      const store = dead.make();

      await failsClosed(() => store.ping(), dead.timeoutMs);
      await failsClosed(() => store.sessions.get('sid'), dead.timeoutMs);
      await failsClosed(() => store.sessions.create(session(), 5), dead.timeoutMs);
      await failsClosed(() => store.audit.list({ limit: 5 }), dead.timeoutMs);
      await failsClosed(() => store.counters.recall('idem:x'), dead.timeoutMs);
      await store.close();
    });

    it('throws on a rate-limit check instead of allowing it', async () => {
      const store = dead.make();

      const outcome = await store.rateLimits.hit('ip:198.51.100.7', 5, 60).then(
        (result) => result,
        (error: unknown) => error,
      );

      expect(outcome).toBeInstanceOf(StoreUnavailableError);
      await store.close();
    });
  });
}

export function storeContract(name: string, makeStore: MakeStore, dead?: DeadStore) {
  describe(`store contract: ${name}`, () => {
    const opened: Store[] = [];
    const open: Open = async (scope = randomUUID()) => {
      const store = await makeStore(scope);
      opened.push(store);
      return store;
    };

    afterEach(async () => {
      vi.useRealTimers();
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it('answers a ping', async () => {
      const store = await open();

      await expect(store.ping()).resolves.toBeUndefined();
    });

    sessionCases(open);
    sessionListCases(open);
    recordCases(open);
    auditCases(open);
    if (dead) deadCases(dead);
  });
}
