import 'server-only';
import { Registry, type Collect } from '@/lib/metrics/registry';
import { whmcsBreaker, whmcsLimiter } from '@/lib/whmcs/protection';

// The portal's metrics and the functions that record them. Served by
// /api/metrics (docs/operations.md lists them). One registry per process, on
// globalThis, so every route bundle of Next.js counts into the same one.

const KEY = Symbol.for('kraken.metrics');
const holder = globalThis as typeof globalThis & { [KEY]?: ReturnType<typeof define> };
const SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;

type Realm = 'customer' | 'admin';
type SessionCount = () => number | Promise<number>;

function define() {
  const r = new Registry();
  const breakerStates = ['closed', 'open', 'half_open'] as const;

  return {
    registry: r,
    sessionCounts: new Map<Realm, SessionCount>(),
    requests: r.counter(
      'kraken_http_requests_total',
      'HTTP requests by route and status.',
    ),
    requestSeconds: r.histogram(
      'kraken_http_request_duration_seconds',
      'Time to finish an HTTP response, by route.',
      SECONDS,
    ),
    whmcsCalls: r.counter(
      'kraken_whmcs_calls_total',
      'WHMCS calls by action and outcome.',
    ),
    whmcsSeconds: r.histogram(
      'kraken_whmcs_call_duration_seconds',
      'WHMCS call time including retries, by action.',
      SECONDS,
    ),
    whmcsRetries: r.counter('kraken_whmcs_retries_total', 'Read retries, by action.'),
    breaker: r.gauge('kraken_whmcs_breaker_state', 'Breaker state (1 = current).', () =>
      breakerStates.map((state) => ({
        labels: { state },
        value: whmcsBreaker().state === state ? 1 : 0,
      })),
    ),
    inFlight: r.gauge(
      'kraken_whmcs_in_flight',
      'WHMCS calls in flight and queued.',
      () => [
        { labels: { state: 'in_flight' }, value: whmcsLimiter().inFlight },
        { labels: { state: 'queued' }, value: whmcsLimiter().queued },
      ],
    ),
    signIns: r.counter('kraken_sign_ins_total', 'Sign-in attempts by realm and outcome.'),
    rateLimited: r.counter(
      'kraken_rate_limited_total',
      'Requests refused by a rate limit.',
    ),
    sessions: r.gauge(
      'kraken_active_sessions',
      'Live sessions by realm.',
      activeSessions,
    ),
    sections: r.counter(
      'kraken_page_section_failures_total',
      'Page sections that failed.',
    ),
    security: r.counter('kraken_security_events_total', 'Security events by name.'),
    alerts: r.counter('kraken_alerts_total', 'Alerts raised, by rule.'),
    memory: r.gauge('kraken_process_memory_bytes', 'Process memory.', () => {
      const { rss, heapUsed } = process.memoryUsage();
      return [
        { labels: { kind: 'rss' }, value: rss },
        { labels: { kind: 'heap_used' }, value: heapUsed },
      ];
    }),
  };
}

const activeSessions: Collect = async () => {
  const counts = [...metrics().sessionCounts].map(async ([realm, count]) => ({
    labels: { realm },
    value: await count(),
  }));
  return Promise.all(counts);
};

export function metrics() {
  holder[KEY] ??= define();
  return holder[KEY];
}

export function renderMetrics(): Promise<string> {
  return metrics().registry.render();
}

export function recordRequest(route: string, status: number, seconds: number): void {
  metrics().requests({ route, status: String(status) });
  metrics().requestSeconds({ route }, seconds);
}

export function recordWhmcsCall(action: string, outcome: string, seconds: number): void {
  metrics().whmcsCalls({ action, outcome });
  metrics().whmcsSeconds({ action }, seconds);
}

export const recordWhmcsRetry = (action: string) => metrics().whmcsRetries({ action });

/** Called where a sign-in ends (lib/auth), once per attempt. */
export function recordSignIn(
  outcome: 'success' | 'failure' | 'error',
  realm: Realm = 'customer',
) {
  metrics().signIns({ realm, outcome });
}

/** Called by a rate limit when it refuses a request; `scope` names the limit. */
export const recordRateLimited = (scope: string) => metrics().rateLimited({ scope });

/** Lets the session store report how many sessions are live, read on each scrape. */
export function registerActiveSessions(realm: Realm, count: SessionCount) {
  metrics().sessionCounts.set(realm, count);
}

export const recordSectionFailure = (section: string, kind: string) =>
  metrics().sections({ section, kind });
export const recordSecurityEvent = (event: string) => metrics().security({ event });
export const recordAlert = (rule: string) => metrics().alerts({ rule });
