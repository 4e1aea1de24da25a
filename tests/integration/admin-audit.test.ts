import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { audited, AuditUnavailableError } from '@/lib/security/audit';
import { store } from '@/lib/store';
import { StoreUnavailableError } from '@/lib/store/types';
import { resetStore } from '../support/admin';

// The one way a staff action runs: its audit entry first, the action only if
// that entry was written, then the outcome.

beforeEach(() => resetStore());
afterEach(() => vi.restoreAllMocks());

describe('audited', () => {
  it('writes the attempt before the action runs, then its outcome', async () => {
    const who = { actor: 'olivia', ip: '192.0.2.1' };
    let seenWhileRunning: string[] = [];

    await audited(who, 'test.act', 'thing:1', async () => {
      seenWhileRunning = (await store().audit.list({ limit: 10 })).map((e) => e.outcome);
    });

    const after = await store().audit.list({ actor: 'olivia', limit: 10 });
    expect(seenWhileRunning).toEqual(['attempt']);
    expect(after.map((e) => e.outcome)).toEqual(['success', 'attempt']);
  });

  it('does not run the action when the audit trail cannot be written', async () => {
    vi.spyOn(store().audit, 'append').mockRejectedValue(
      new StoreUnavailableError('down'),
    );
    const action = vi.fn(async () => 'done');

    const run = audited({ actor: 'olivia', ip: '192.0.2.1' }, 'test.act', 'x', action);

    await expect(run).rejects.toBeInstanceOf(AuditUnavailableError);
    expect(action).not.toHaveBeenCalled();
  });

  it('records a failure when the action throws, and passes the error on', async () => {
    const who = { actor: 'olivia', ip: '192.0.2.1' };

    const run = audited(who, 'test.act', 'x', async () => {
      throw new RangeError('bad');
    });

    await expect(run).rejects.toBeInstanceOf(RangeError);
    const [outcome] = await store().audit.list({ limit: 1 });
    expect(outcome).toMatchObject({
      outcome: 'failure',
      detail: { error: 'RangeError' },
    });
  });
});
