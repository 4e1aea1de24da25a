import { describe, expect, it } from 'vitest';
import { AlertRules, type Alert, type EventLine } from '@/lib/security/alerts';

// The alert rules on synthetic event streams, on a fake clock.

function setup() {
  const clock = { now: 1_700_000_000_000 };
  const alerts: Alert[] = [];
  const rules = new AlertRules(
    (alert) => alerts.push(alert),
    undefined,
    () => clock.now,
  );
  const feed = (line: EventLine, times = 1, everyMs = 1_000) => {
    for (let i = 0; i < times; i += 1) {
      rules.observe({ requestId: `r${i}`, ...line });
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
  it('ten from one address within five minutes raise one alert for that address', () => {
    const { alerts, feed } = setup();

    for (let i = 0; i < 10; i += 1) feed(failed('198.51.100.7', `acct${i}`));

    expect(alerts).toEqual([
      expect.objectContaining({
        alert: 'signin_failures_ip',
        severity: 'warn',
        key: '198.51.100.7',
        count: 10,
      }),
    ]);
  });

  it('a storm is one alert, and another once the window has passed', () => {
    const { alerts, feed } = setup();

    feed(failed('198.51.100.7', 'acct'), 60, 1_000);
    feed(failed('198.51.100.7', 'acct'), 1, 300_000);
    feed(failed('198.51.100.7', 'acct'), 10, 1_000);

    expect(alerts.filter((a) => a.alert === 'signin_failures_ip')).toHaveLength(2);
  });

  it('five for one account from different addresses raise an account alert', () => {
    const { alerts, feed } = setup();

    for (let i = 0; i < 5; i += 1) feed(failed(`203.0.113.${i}`, 'acct_victim'));

    expect(alerts).toEqual([
      expect.objectContaining({ alert: 'signin_failures_account', key: 'acct_victim' }),
    ]);
  });

  it('stay quiet when the failures are spread wider than the window', () => {
    const { alerts, feed } = setup();

    feed(failed('198.51.100.7', 'acct'), 30, 240_000);

    expect(alerts).toEqual([]);
  });

  it('do not lump together requests whose address is unknown', () => {
    const { alerts, feed } = setup();

    for (let i = 0; i < 20; i += 1) feed(failed('unknown', `acct${i}`));

    expect(alerts).toEqual([]);
  });
});

describe('other rules', () => {
  it('three staff sign-in failures, on any accounts, raise an error', () => {
    const { alerts, feed } = setup();

    for (const user of ['ops', 'billing', 'root'])
      feed({ event: 'auth.admin.login.failed', ip: '192.0.2.1', account: user });

    expect(alerts).toEqual([
      expect.objectContaining({ alert: 'staff_signin_failures', severity: 'error' }),
    ]);
  });

  it.each([
    ['auth.token.reused', 'token_reuse'],
    ['store.unavailable', 'store_failure'],
    ['whmcs.misconfigured', 'whmcs_misconfigured'],
  ])('a single %s raises %s at error', (event, alert) => {
    const { alerts, feed } = setup();

    feed({ event, sid: 's1', action: 'GetInvoices', cause: 'invalid_ip' });

    expect(alerts).toEqual([
      expect.objectContaining({ alert, severity: 'error', count: 1 }),
    ]);
  });

  it('a misconfiguration is one alert per action and cause, not one per call', () => {
    const { alerts, feed } = setup();
    const line = { event: 'whmcs.misconfigured', action: 'GetInvoices' };

    feed({ ...line, cause: 'invalid_ip' }, 50);
    feed({ ...line, cause: 'role_gap' }, 50);

    expect(alerts.map((a) => a.key)).toEqual([
      'GetInvoices invalid_ip',
      'GetInvoices role_gap',
    ]);
  });
});

describe('normal traffic', () => {
  it('raises nothing: sign-ins, a few typos, logouts and WHMCS calls', () => {
    const { alerts, feed } = setup();

    for (let i = 0; i < 500; i += 1) {
      const ip = `10.0.${i % 50}.${i % 7}`;
      feed({ event: 'auth.login.succeeded', ip, userId: i });
      if (i % 10 === 0) feed(failed(ip, `acct${i}`));
      feed({ event: 'auth.logout', ip });
      feed({ event: 'whmcs.call', action: 'GetInvoices', outcome: 'ok' });
    }

    expect(alerts).toEqual([]);
  });
});
