import { afterEach } from 'vitest';

// Every test runs with a complete, valid configuration that points only at loopback.
process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.WHMCS_URL ??= 'http://127.0.0.1:9/';
process.env.WHMCS_API_IDENTIFIER ??= 'test-identifier';
process.env.WHMCS_API_SECRET ??= 'test-secret';
process.env.JWT_SECRET ??= 'test-customer-secret-0123456789abcdef0123456789';
process.env.ADMIN_JWT_SECRET ??= 'test-admin-secret-0123456789abcdef0123456789ab';
process.env.LOG_LEVEL ??= 'silent';
// Each test process keeps its own store in memory, never in the checkout's data/.
process.env.STORE_SQLITE_PATH ??= ':memory:';

// Each test starts with a closed WHMCS circuit breaker, an empty in-flight limit,
// empty alert windows, zeroed metrics, no kept readiness answer and no remembered
// session tokens, keys or account answers (all kept on globalThis, created again
// on first use).
const PER_PROCESS = [
  'kraken.whmcs.protection',
  'kraken.security.alerts',
  'kraken.metrics',
  'kraken.readiness',
  'kraken.tokenCaches',
  'kraken.accountCache',
];
afterEach(() => {
  for (const key of PER_PROCESS)
    delete (globalThis as Record<symbol, unknown>)[Symbol.for(key)];
});
