// Session records: create with a cap, rotation with reuse detection, revocation,
// listing and touching. Part of the store contract (store-contract.ts).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nowSeconds, session, type Open } from './store-contract';

const GRACE = 30;

export function sessionCases(open: Open) {
  describe('sessions', () => {
    it('gives back a created record as it was written', async () => {
      const store = await open();
      const record = session({ clientId: null, realm: 'admin', subject: 'alice' });

      const evicted = await store.sessions.create(record, 2);

      expect(evicted).toEqual([]);
      expect(await store.sessions.get(record.sid)).toEqual(record);
      expect(await store.sessions.get(randomUUID())).toBeNull();
    });

    it('evicts the oldest live session beyond the cap and returns its sid', async () => {
      const store = await open();
      const t = nowSeconds();
      const [a, b, c, d] = [0, 1, 2, 3].map((i) => session({ createdAt: t + i }));
      const other = session({ subject: '8', createdAt: t - 10 });
      const staff = session({ realm: 'admin', subject: '7', createdAt: t - 10 });
      for (const record of [other, staff, a, b, c])
        await store.sessions.create(record!, 3);

      const evicted = await store.sessions.create(d!, 3);

      expect(evicted).toEqual([a!.sid]);
      expect(await store.sessions.get(a!.sid)).toMatchObject({
        revokedAt: d!.createdAt,
        revokedReason: 'evicted',
      });
      const live = await store.sessions.listActive('customer', '7', t + 5);
      expect(live.map((s) => s.sid)).toEqual([d!.sid, c!.sid, b!.sid]);
      expect(await store.sessions.get(other.sid)).toMatchObject({ revokedAt: null });
      expect(await store.sessions.get(staff.sid)).toMatchObject({ revokedAt: null });
    });

    it('evicts sessions of the same second in the order they were created', async () => {
      const store = await open();
      const records = [1, 2, 3].map(() => session());
      for (const record of records) await store.sessions.create(record, 3);

      const evicted = await store.sessions.create(session(), 2);

      expect(evicted).toEqual([records[0]!.sid, records[1]!.sid]);
    });

    it('rotates the current jti and keeps the replaced one as prevJti', async () => {
      const store = await open();
      const record = session();
      await store.sessions.create(record, 5);
      const now = record.createdAt + 60;

      const outcome = await store.sessions.rotate(
        record.sid,
        record.jti,
        'next',
        now,
        GRACE,
      );

      expect(outcome).toBe('rotated');
      expect(await store.sessions.get(record.sid)).toMatchObject({
        jti: 'next',
        prevJti: record.jti,
        rotatedAt: now,
        revokedAt: null,
      });
    });

    it('answers raced for the previous jti within the grace and changes nothing', async () => {
      const store = await open();
      const record = session();
      await store.sessions.create(record, 5);
      const now = record.createdAt + 60;
      await store.sessions.rotate(record.sid, record.jti, 'next', now, GRACE);
      const before = await store.sessions.get(record.sid);

      const outcome = await store.sessions.rotate(
        record.sid,
        record.jti,
        'x',
        now + GRACE,
        GRACE,
      );

      expect(outcome).toBe('raced');
      expect(await store.sessions.get(record.sid)).toEqual(before);
    });

    it('revokes the session when a rotated-out jti comes back after the grace', async () => {
      const store = await open();
      const record = session();
      await store.sessions.create(record, 5);
      const now = record.createdAt + 60;
      await store.sessions.rotate(record.sid, record.jti, 'next', now, GRACE);

      const later = now + GRACE + 1;
      const outcome = await store.sessions.rotate(
        record.sid,
        record.jti,
        'x',
        later,
        GRACE,
      );

      expect(outcome).toBe('reused');
      expect(await store.sessions.get(record.sid)).toMatchObject({
        revokedAt: later,
        revokedReason: 'reuse',
      });
      expect(await store.sessions.rotate(record.sid, 'next', 'y', later, GRACE)).toBe(
        'gone',
      );
    });

    it('revokes the session when a jti it never had is presented', async () => {
      const store = await open();
      const record = session();
      await store.sessions.create(record, 5);

      const outcome = await store.sessions.rotate(
        record.sid,
        'forged',
        'x',
        record.createdAt,
        0,
      );

      expect(outcome).toBe('reused');
      expect(await store.sessions.get(record.sid)).toMatchObject({
        revokedReason: 'reuse',
      });
    });
  });
}
