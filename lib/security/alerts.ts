import 'server-only';

// Alert rules over the stream of security events: a rule counts its events per
// key (an address, an account, one bucket for all staff) in a sliding window
// and raises an alert when the count reaches its threshold; then it stays quiet
// for that key until the window has passed, so a storm is one alert, not many.
// TODO(#4): the windows live in this process's memory, so with several portal
// instances each counts only its own share; move them to the store's counters.

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

const MAX_KEYS = 10_000;

export class AlertRules {
  private readonly seen = new Map<string, number[]>();
  private readonly quietUntil = new Map<string, number>();

  constructor(
    private readonly onAlert: (alert: Alert) => void,
    private readonly rules: readonly Rule[] = RULES,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one event against every rule that watches it. */
  observe(line: EventLine): void {
    for (const r of this.rules) {
      const key = r.events.includes(line.event) ? r.key(line) : null;
      if (key !== null) this.count(r, key, line);
    }
  }

  private count(r: Rule, key: string, line: EventLine): void {
    const id = `${r.name}\u0000${key}`;
    const now = this.now();
    const since = now - r.windowSeconds * 1000;
    const recent = (this.seen.get(id) ?? []).filter((t) => t > since);
    const times = [...recent.slice(Math.max(0, recent.length - r.threshold + 1)), now];
    remember(this.seen, id, times);
    if (times.length < r.threshold || (this.quietUntil.get(id) ?? 0) > now) return;

    remember(this.quietUntil, id, now + r.windowSeconds * 1000);
    this.onAlert({
      alert: r.name,
      severity: r.severity,
      key,
      count: times.length,
      windowSeconds: r.windowSeconds,
      trigger: line.event,
      requestId: typeof line.requestId === 'string' ? line.requestId : 'none',
    });
  }
}

/** Sets a key, dropping the oldest one when the map is full. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  if (map.size >= MAX_KEYS) map.delete(map.keys().next().value as string);
  map.set(key, value);
}
