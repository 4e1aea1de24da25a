// The audit trail: append, newest first, filters. Part of the store contract.
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@/lib/store/types';
import { nowSeconds, type Open } from './store-contract';

function entry(fields: Partial<AuditEntry>): AuditEntry {
  return {
    at: nowSeconds(),
    actor: 'alice',
    action: 'session.revoke',
    target: 'customer:7',
    outcome: 'success',
    ip: '203.0.113.9',
    detail: { sid: 'abc', count: 2, forced: true, note: null },
    ...fields,
  };
}

export function auditCases(open: Open) {
  describe('audit trail', () => {
    it('gives entries back newest first, with an id and their detail', async () => {
      const store = await open();
      const t = nowSeconds();
      const first = entry({ at: t });
      const second = entry({ at: t, action: 'signin', outcome: 'attempt' });
      const third = entry({ at: t + 1, detail: {} });
      for (const item of [first, second, third]) await store.audit.append(item);

      const listed = await store.audit.list({ limit: 10 });

      expect(listed.map(({ id: _id, ...rest }) => rest)).toEqual([third, second, first]);
      expect(new Set(listed.map((item) => item.id)).size).toBe(3);
      expect(listed.every((item) => typeof item.id === 'string')).toBe(true);
    });

    it('filters by actor, action and time, and stops at the limit', async () => {
      const store = await open();
      const t = nowSeconds();
      const items = [
        entry({ at: t, actor: 'alice', action: 'signin' }),
        entry({ at: t + 10, actor: 'bob', action: 'signin' }),
        entry({ at: t + 20, actor: 'alice', action: 'session.revoke' }),
        entry({ at: t + 30, actor: 'alice', action: 'signin' }),
      ];
      for (const item of items) await store.audit.append(item);
      const list = async (filter: Parameters<typeof store.audit.list>[0]) =>
        (await store.audit.list(filter)).map((item) => item.at - t);

      expect(await list({ actor: 'alice', limit: 10 })).toEqual([30, 20, 0]);
      expect(await list({ action: 'signin', limit: 10 })).toEqual([30, 10, 0]);
      expect(await list({ since: t + 10, until: t + 20, limit: 10 })).toEqual([20, 10]);
      expect(
        await list({ actor: 'alice', action: 'signin', since: t + 1, limit: 10 }),
      ).toEqual([30]);
      expect(await list({ limit: 2 })).toEqual([30, 20]);
      expect(await list({ actor: 'carol', limit: 10 })).toEqual([]);
    });
  });
}
