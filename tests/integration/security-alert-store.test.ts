import { afterAll, describe, expect, it } from 'vitest';
import { memoryCounting, storeCounting } from '@/lib/security/alert-counting';
import { AlertRules, type Alert } from '@/lib/security/alerts';
import { openSqliteStore } from '@/lib/store/sqlite';
import { StoreUnavailableError, type Counters } from '@/lib/store/types';

// Alert windows in the store: several portal instances see one burst together.

const shared = openSqliteStore(':memory:');
afterAll(() => shared.close());

function instance(counters: () => Counters, alerts: Alert[]) {
  const counting = storeCounting(counters, memoryCounting());
  return new AlertRules((alert) => alerts.push(alert), undefined, counting);
}

const failed = (n: number) => ({
  event: 'auth.login.failed',
  ip: '198.51.100.20',
  account: `acct${n}`,
  requestId: `r${n}`,
});

describe('alert counting in the store', () => {
  it('sees a burst spread over three instances, and alerts once', async () => {
    const alerts: Alert[] = [];
    const instances = [1, 2, 3].map(() => instance(() => shared.counters, alerts));

    for (let n = 0; n < 12; n += 1) await instances[n % 3]?.observe(failed(n));

    expect(alerts.map((a) => a.alert)).toEqual(['signin_failures_ip']);
  });

  it('still alerts, counting alone, when the store cannot answer', async () => {
    const alerts: Alert[] = [];
    const down = async (): Promise<never> => {
      throw new StoreUnavailableError('store down');
    };
    const broken = { incr: down, claim: down } as unknown as Counters;

    await instance(() => broken, alerts).observe({ event: 'store.unavailable' });

    expect(alerts).toEqual([expect.objectContaining({ alert: 'store_failure' })]);
  });
});
