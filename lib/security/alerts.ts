import 'server-only';
import { memoryCounting, type Counting } from '@/lib/security/alert-counting';

// Alert rules over the stream of security events: a rule counts its events per
// key (an address, an account, one bucket for all staff) in a window and
// raises an alert when the count reaches its threshold; then it stays quiet for
// that key until the window has passed, so a storm is one alert, not many.
// The counting is the store's (shared by every instance) or, for tests and when
// the store is down, this process's own (alert-counting.ts).

export type EventLine = Record<string, unknown> & { event: string };
export type Severity = 'warn' | 'error';

export type Rule = {
  name: string;
  events: readonly string[];
  /** What is counted separately; null: this event does not count. */
  key: (line: EventLine) => string | null;
  threshold: number;
  windowSeconds: number;
  severity: Severity;
};

export type Alert = {
  alert: string;
  severity: Severity;
  key: string;
  count: number;
  windowSeconds: number;
  /** The event that tipped the count over. */
  trigger: string;
  requestId: string;
};

const known = (value: unknown) =>
  typeof value === 'string' && value && !['unknown', 'none'].includes(value)
    ? value
    : null;

export const RULES: readonly Rule[] = [
  rule('signin_failures_ip', ['auth.login.failed'], (l) => known(l.ip), 10, 300, 'warn'),
  rule('signin_failures_account', ['auth.login.failed'], (l) => known(l.account), 5, 900),
  rule(
    'staff_signin_failures',
    ['auth.admin.login.failed'],
    () => 'staff',
    3,
    600,
    'error',
  ),
  rule(
    'token_reuse',
    ['auth.token.reused'],
    (l) => known(l.sid) ?? 'session',
    1,
    600,
    'error',
  ),
  rule('store_failure', ['store.unavailable'], () => 'store', 1, 300, 'error'),
  rule(
    'whmcs_misconfigured',
    ['whmcs.misconfigured'],
    (l) => `${String(l.action)} ${String(l.cause)}`,
    1,
    600,
    'error',
  ),
];

function rule(
  name: string,
  events: string[],
  key: Rule['key'],
  threshold: number,
  windowSeconds: number,
  severity: Severity = 'warn',
): Rule {
  return { name, events, key, threshold, windowSeconds, severity };
}

export class AlertRules {
  constructor(
    private readonly onAlert: (alert: Alert) => void,
    private readonly rules: readonly Rule[] = RULES,
    private readonly counting: Counting = memoryCounting(),
  ) {}

  /** Counts one event against every rule that watches it. */
  async observe(line: EventLine): Promise<void> {
    for (const r of this.rules) {
      const key = r.events.includes(line.event) ? r.key(line) : null;
      if (key !== null) await this.count(r, key, line);
    }
  }

  private async count(r: Rule, key: string, line: EventLine): Promise<void> {
    const id = `${r.name}:${key}`;
    const count = await this.counting.count(id, r.windowSeconds);
    if (count < r.threshold || !(await this.counting.claim(id, r.windowSeconds))) return;

    this.onAlert({
      alert: r.name,
      severity: r.severity,
      key,
      count,
      windowSeconds: r.windowSeconds,
      trigger: line.event,
      requestId: typeof line.requestId === 'string' ? line.requestId : 'none',
    });
  }
}
