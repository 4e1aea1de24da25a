import { describe, expect, it } from 'vitest';
import { memoryCounting } from '@/lib/security/alert-counting';
import { AlertRules, type Alert, type EventLine } from '@/lib/security/alerts';

// The alert rules on synthetic event streams, counted in memory on a fake clock.

function setup() {
  const clock = { now: 1_700_000_000_000 };
  const alerts: Alert[] = [];
  const counting = memoryCounting(() => clock.now);
  const rules = new AlertRules((alert) => alerts.push(alert), undefined, counting);
  const feed = async (line: EventLine, times = 1, everyMs = 1_000) => {
    for (let i = 0; i < times; i += 1) {
      await rules.observe({ requestId: `r${i}`, ...line });
      clock.now += everyMs;
    }
  };

  return { clock, alerts, feed };
}

const failed = (ip: string, account: string): EventLine => ({
  event: 'auth.login.failed',
  ip,
  account,
});

describe('sign-in failures', () => {
  it('ten from one address within five minutes raise one alert for that address', async () => {
    const { alerts, feed } = setup();

    for (let i = 0; i < 10; i += 1) await feed(failed('198.51.100.7', `acct${i}`));

    expect(alerts).toEqual([
      expect.objectContaining({
        alert: 'signin_failures_ip',
        severity: 'warn',
        key: '198.51.100.7',
        count: 10,
      }),
    ]);
  });

  it('a storm is one alert, and another once the window has passed', async () => {
    const { alerts, feed } = setup();

    await feed(failed('198.51.100.7', 'acct'), 60, 1_000);
    await feed(failed('198.51.100.7', 'acct'), 1, 300_000);
    await feed(failed('198.51.100.7', 'acct'), 10, 1_000);

    expect(alerts.filter((a) => a.alert === 'signin_failures_ip')).toHaveLength(2);
  });

  it('five for one account from different addresses raise an account alert', async () => {
    const { alerts, feed } = setup();

    for (let i = 0; i < 5; i += 1) await feed(failed(`203.0.113.${i}`, 'acct_victim'));

    expect(alerts).toEqual([
      expect.objectContaining({ alert: 'signin_failures_account', key: 'acct_victim' }),
    ]);
  });

  it('stay quiet when the failures are spread wider than the window', async () => {
    const { alerts, feed } = setup();

    await feed(failed('198.51.100.7', 'acct'), 30, 240_000);

    expect(alerts).toEqual([]);
  });

  it('do not lump together requests whose address is unknown', async () => {
    const { alerts, feed } = setup();

    for (let i = 0; i < 20; i += 1) await feed(failed('unknown', `acct${i}`));

    expect(alerts).toEqual([]);
  });
});

describe('other rules', () => {
  it('three staff sign-in failures, on any accounts, raise an error', async () => {
    const { alerts, feed } = setup();

    for (const user of ['ops', 'billing', 'root'])
      await feed({ event: 'auth.admin.login.failed', ip: '192.0.2.1', account: user });

    expect(alerts).toEqual([
      expect.objectContaining({ alert: 'staff_signin_failures', severity: 'error' }),
    ]);
  });

  it.each([
    ['auth.token.reused', 'token_reuse'],
    ['store.unavailable', 'store_failure'],
    ['whmcs.misconfigured', 'whmcs_misconfigured'],
  ])('a single %s raises %s at error', async (event, alert) => {
    const { alerts, feed } = setup();

    await feed({ event, sid: 's1', action: 'GetInvoices', cause: 'invalid_ip' });

    expect(alerts).toEqual([
      expect.objectContaining({ alert, severity: 'error', count: 1 }),
    ]);
  });

  it('a misconfiguration is one alert per action and cause, not one per call', async () => {
    const { alerts, feed } = setup();
    const line = { event: 'whmcs.misconfigured', action: 'GetInvoices' };

    await feed({ ...line, cause: 'invalid_ip' }, 50);
    await feed({ ...line, cause: 'role_gap' }, 50);

    expect(alerts.map((a) => a.key)).toEqual([
      'GetInvoices invalid_ip',
      'GetInvoices role_gap',
    ]);
  });
});

describe('normal traffic', () => {
  it('raises nothing: sign-ins, a few typos, logouts and WHMCS calls', async () => {
    const { alerts, feed } = setup();

    for (let i = 0; i < 500; i += 1) {
      const ip = `10.0.${i % 50}.${i % 7}`;
      await feed({ event: 'auth.login.succeeded', ip, userId: i });
      if (i % 10 === 0) await feed(failed(ip, `acct${i}`));
      await feed({ event: 'auth.logout', ip });
      await feed({ event: 'whmcs.call', action: 'GetInvoices', outcome: 'ok' });
    }

    expect(alerts).toEqual([]);
  });
});
