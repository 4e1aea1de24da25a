// Rate limits, counters, sign-in history and the audit trail. Part of the store
// contract (store-contract.ts).
import { describe, expect, it, vi } from 'vitest';
import type { LoginEvent } from '@/lib/store/types';
import { nowSeconds, type Open } from './store-contract';

function login(fields: Partial<LoginEvent>): LoginEvent {
  return {
    at: nowSeconds(),
    realm: 'customer',
    subject: '7',
    outcome: 'success',
    reason: 'password',
    ip: '203.0.113.5',
    userAgent: 'Firefox',
    ...fields,
  };
}

/** Fakes only Date, so timers and sockets keep running; afterEach restores it. */
function clockAt(ms: number) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(ms);
}

export function recordCases(open: Open) {
  describe('rate limits', () => {
    it('allows `limit` hits, then refuses until a reset within the window', async () => {
      const store = await open();
      const minute = Math.floor(Date.now() / 60_000) * 60;
      clockAt((minute + 15) * 1000);

      const results = [];
      for (let i = 0; i < 4; i++) results.push(await store.rateLimits.hit('ip:a', 3, 60));

      expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
      expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
      expect(results[3]!.resetAt).toBe(minute + 60);
    });

    it('counts separate keys independently', async () => {
      const store = await open();
      clockAt(Math.floor(Date.now() / 60_000) * 60_000 + 1_000);
      for (let i = 0; i < 2; i++) await store.rateLimits.hit('acct:one', 2, 60);

      const one = await store.rateLimits.hit('acct:one', 2, 60);
      const two = await store.rateLimits.hit('acct:two', 2, 60);

      expect(one.allowed).toBe(false);
      expect(two).toMatchObject({ allowed: true, remaining: 1 });
    });

    it('allows again once the window has passed', async () => {
      const store = await open();
      const start = Math.floor(Date.now() / 60_000) * 60_000 + 1_000;
      clockAt(start);
      for (let i = 0; i < 2; i++) await store.rateLimits.hit('ip:b', 2, 60);
      expect((await store.rateLimits.hit('ip:b', 2, 60)).allowed).toBe(false);

      vi.setSystemTime(start + 120_000);

      expect(await store.rateLimits.hit('ip:b', 2, 60)).toMatchObject({ allowed: true });
    });
  });

  describe('counters', () => {
    it('counts within a window, per name, and starts again in the next window', async () => {
      const store = await open();
      const start = Math.floor(Date.now() / 60_000) * 60_000 + 1_000;
      clockAt(start);

      const first = [];
      for (let i = 0; i < 3; i++)
        first.push(await store.counters.incr('failures:ip', 60));
      const other = await store.counters.incr('failures:acct', 60);
      vi.setSystemTime(start + 60_000);
      const next = await store.counters.incr('failures:ip', 60);

      expect(first).toEqual([1, 2, 3]);
      expect(other).toBe(1);
      expect(next).toBe(1);
    });

    it('grants a claim once, also across a window boundary', async () => {
      const store = await open();
      const start = Math.floor(Date.now() / 60_000) * 60_000 + 59_000;
      clockAt(start);

      const first = await store.counters.claim('totp:alice:1', 90);
      const other = await store.counters.claim('totp:alice:2', 90);
      vi.setSystemTime(start + 2_000);
      const replay = await store.counters.claim('totp:alice:1', 90);

      expect([first, other, replay]).toEqual([true, true, false]);
    });

    it('grants a claim again once it has expired', async () => {
      const store = await open();
      await store.counters.claim('seal:short', 1);

      // Real time: Redis expires keys by its own clock.
      await new Promise((resolve) => setTimeout(resolve, 1_200));

      expect(await store.counters.claim('seal:short', 1)).toBe(true);
    });

    it('grants one of many simultaneous claims on a name', async () => {
      const store = await open();

      const results = await Promise.all(
        Array.from({ length: 10 }, () => store.counters.claim('seal:x', 60)),
      );

      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('recalls the newest note kept under a name, exactly as given', async () => {
      const store = await open();
      const json = '{"ok":true,"message":"Reply sent","id":12}';

      expect(await store.counters.recall('idem:a')).toBeNull();
      await store.counters.remember('idem:a', 'pending', 60);
      await store.counters.remember('idem:a', json, 60);
      await store.counters.remember('idem:b', '42', 60);

      expect(await store.counters.recall('idem:a')).toBe(json);
      expect(await store.counters.recall('idem:b')).toBe('42');
    });

    it('forgets a note once it has expired', async () => {
      const store = await open();
      await store.counters.remember('step-up:sid', '1700000000', 1);

      await new Promise((resolve) => setTimeout(resolve, 1_200));

      expect(await store.counters.recall('step-up:sid')).toBeNull();
    });
  });

  describe('login history', () => {
    it("lists a subject's sign-ins newest first, up to the limit", async () => {
      const store = await open();
      const t = nowSeconds();
      const events = [0, 1, 2, 3].map((i) => login({ at: t + i, reason: `r${i}` }));
      for (const event of events) await store.logins.add(event);
      await store.logins.add(login({ at: t + 9, subject: '8' }));
      await store.logins.add(login({ at: t + 9, realm: 'admin' }));

      expect(await store.logins.list('customer', '7', 3)).toEqual(
        events.slice(1).reverse(),
      );
      expect(await store.logins.list('customer', 'nobody', 3)).toEqual([]);
    });

    it('lists recent failures of a realm across subjects, newest first', async () => {
      const store = await open();
      const t = nowSeconds();
      const a = login({ at: t, outcome: 'failure', reason: 'bad-password' });
      const ok = login({ at: t + 1 });
      const b = login({
        at: t + 2,
        outcome: 'failure',
        subject: 'hash:9f',
        reason: 'unknown',
      });
      const staff = login({ at: t + 3, outcome: 'failure', realm: 'admin' });
      for (const event of [a, ok, b, staff]) await store.logins.add(event);

      expect(await store.logins.recentFailures('customer', 10)).toEqual([b, a]);
      expect(await store.logins.recentFailures('customer', 1)).toEqual([b]);
      expect(await store.logins.recentFailures('admin', 10)).toEqual([staff]);
    });
  });
}
