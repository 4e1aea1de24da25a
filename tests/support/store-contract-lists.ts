// Session lists and ends: revokeAll, listActive, touch, revoke, and the cap
// under concurrent sign-ins on two instances. Part of the store contract.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '@/lib/store/types';
import { nowSeconds, session, type Open } from './store-contract';

const GRACE = 30;

export function sessionListCases(open: Open) {
  describe('session lists and ends', () => {
    it('refuses a record whose sid exists, and a cap, limit or window below one', async () => {
      const store = await open();
      const record = session();
      await store.sessions.create(record, 5);

      const again = store.sessions.create({ ...record, jti: 'other' }, 5);

      await expect(again).rejects.toThrow(StoreUnavailableError);
      expect(await store.sessions.get(record.sid)).toEqual(record);
      await expect(store.sessions.create(session(), 0)).rejects.toThrow(
        StoreUnavailableError,
      );
      await expect(store.rateLimits.hit('k', 0, 60)).rejects.toThrow(
        StoreUnavailableError,
      );
      await expect(store.counters.incr('c', 0)).rejects.toThrow(StoreUnavailableError);
    });

    it('answers gone when rotating a revoked, expired or missing session', async () => {
      const store = await open();
      const revoked = session();
      const expired = session({ expiresAt: nowSeconds() - 1 });
      await store.sessions.create(revoked, 5);
      await store.sessions.create(expired, 5);
      await store.sessions.revoke(revoked.sid, 'signout', nowSeconds());

      const rotate = (sid: string, jti: string) =>
        store.sessions.rotate(sid, jti, 'next', nowSeconds(), GRACE);

      expect(await rotate(revoked.sid, revoked.jti)).toBe('gone');
      expect(await rotate(expired.sid, expired.jti)).toBe('gone');
      expect(await rotate(randomUUID(), 'jti')).toBe('gone');
      expect(await store.sessions.get(expired.sid)).toMatchObject({ jti: expired.jti });
    });

    it('revokes every live session of a subject and counts them', async () => {
      const store = await open();
      const mine = [session(), session(), session()];
      const theirs = session({ subject: '8' });
      for (const record of [...mine, theirs]) await store.sessions.create(record, 5);
      await store.sessions.revoke(mine[0]!.sid, 'signout', nowSeconds());

      const count = await store.sessions.revokeAll(
        'customer',
        '7',
        'signout-all',
        nowSeconds(),
      );

      expect(count).toBe(2);
      expect(await store.sessions.listActive('customer', '7')).toEqual([]);
      expect(await store.sessions.get(mine[0]!.sid)).toMatchObject({
        revokedReason: 'signout',
      });
      expect(await store.sessions.get(mine[1]!.sid)).toMatchObject({
        revokedReason: 'signout-all',
      });
      expect(await store.sessions.listActive('customer', '8')).toEqual([theirs]);
    });

    it('lists live sessions newest first, leaving out revoked and expired ones', async () => {
      const store = await open();
      const t = nowSeconds();
      const old = session({ createdAt: t - 20 });
      const newer = session({ createdAt: t - 10, subject: '8' });
      const revoked = session({ createdAt: t - 5 });
      const expired = session({ createdAt: t - 30, expiresAt: t - 1 });
      const staff = session({ realm: 'admin', subject: 'alice' });
      for (const record of [old, newer, revoked, expired, staff]) {
        await store.sessions.create(record, 5);
      }
      await store.sessions.revoke(revoked.sid, 'signout', t);

      expect(await store.sessions.listActive('customer')).toEqual([newer, old]);
      expect(await store.sessions.listActive('customer', '7')).toEqual([old]);
      expect(await store.sessions.listActive('customer', '7', old.expiresAt)).toEqual([]);
      expect(await store.sessions.listActive('admin')).toEqual([staff]);
    });

    it('touches lastSeenAt of a live session only', async () => {
      const store = await open();
      const live = session();
      const ended = session();
      await store.sessions.create(live, 5);
      await store.sessions.create(ended, 5);
      await store.sessions.revoke(ended.sid, 'signout', live.createdAt);

      await store.sessions.touch(live.sid, live.createdAt + 90);
      await store.sessions.touch(ended.sid, live.createdAt + 90);
      await store.sessions.touch(randomUUID(), live.createdAt + 90);

      expect(await store.sessions.get(live.sid)).toEqual({
        ...live,
        lastSeenAt: live.createdAt + 90,
      });
      expect(await store.sessions.get(ended.sid)).toMatchObject({
        lastSeenAt: live.createdAt,
      });
    });

    it('keeps the first reason when a session is revoked twice', async () => {
      const store = await open();
      const record = session();
      await store.sessions.create(record, 5);

      await store.sessions.revoke(record.sid, 'signout', record.createdAt);
      await store.sessions.revoke(record.sid, 'admin', record.createdAt + 5);

      expect(await store.sessions.get(record.sid)).toMatchObject({
        revokedAt: record.createdAt,
        revokedReason: 'signout',
      });
    });

    it('leaves exactly five live sessions after ten concurrent sign-ins on two instances', async () => {
      const scope = randomUUID();
      const [one, two] = [await open(scope), await open(scope)];
      const records = Array.from({ length: 10 }, () => session());

      const evicted = await Promise.all(
        records.map((record, i) => (i % 2 ? one : two).sessions.create(record, 5)),
      );

      const live = await one.sessions.listActive('customer', '7');
      expect(live).toHaveLength(5);
      expect(new Set(evicted.flat()).size).toBe(5);
      expect(evicted.flat().some((sid) => live.some((s) => s.sid === sid))).toBe(false);
      expect(await two.sessions.listActive('customer', '7')).toEqual(live);
    });
  });
}
