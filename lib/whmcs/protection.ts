import 'server-only';
import { env } from '@/lib/env';
import { logInRequest } from '@/lib/request';
import { CircuitBreaker, type BreakerState } from '@/lib/whmcs/breaker';
import { Limiter } from '@/lib/whmcs/limiter';

// The process's one breaker and one in-flight limit for WHMCS. They live on
// globalThis: Next.js may load a module once per route bundle, and every page,
// route handler and server action must share the same two.

type Protection = { breaker: CircuitBreaker; limiter: Limiter };
const KEY = Symbol.for('kraken.whmcs.protection');
const holder = globalThis as typeof globalThis & { [KEY]?: Protection };

function create(): Protection {
  const config = env();
  const breaker = new CircuitBreaker({
    threshold: config.WHMCS_BREAKER_THRESHOLD,
    cooldownMs: config.WHMCS_BREAKER_COOLDOWN_MS,
    onChange: logChange,
  });
  const limiter = new Limiter(config.WHMCS_MAX_IN_FLIGHT, config.WHMCS_QUEUE_TIMEOUT_MS);

  return { breaker, limiter };
}

function logChange(state: BreakerState, consecutiveFailures: number): void {
  if (state === 'open') {
    void logInRequest('error', { event: 'whmcs.breaker.opened', consecutiveFailures });
  } else {
    void logInRequest('info', { event: 'whmcs.breaker.closed' });
  }
}

function protection(): Protection {
  holder[KEY] ??= create();
  return holder[KEY];
}

export const whmcsBreaker = (): CircuitBreaker => protection().breaker;
export const whmcsLimiter = (): Limiter => protection().limiter;

/** Starts over: a fresh breaker and limit on next use, or the ones given (tests). */
export function resetProtection(replacement?: Partial<Protection>): void {
  holder[KEY] = replacement ? { ...create(), ...replacement } : undefined;
}
