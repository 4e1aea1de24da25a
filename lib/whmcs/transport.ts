import 'server-only';
import type { z } from 'zod';
import { env } from '@/lib/env';
import { recordWhmcsRetry } from '@/lib/metrics';
import { isAllowedAction, isReadAction, type AllowedAction } from '@/lib/whmcs/allowlist';
import { attempt } from '@/lib/whmcs/attempt';
import { WhmcsMisconfiguredError, type WhmcsError } from '@/lib/whmcs/errors';
import { RESERVED_PARAMS, type FormParams } from '@/lib/whmcs/form';
import { report } from '@/lib/whmcs/report';

// The one entry point for WHMCS calls: allowlist, then attempts (each past the
// circuit breaker and the in-flight limit, see attempt.ts), retries of reads,
// and one report per call.

const READ_RETRIES = 2;
const BACKOFF_BASE_MS = 150;
const BACKOFF_CAP_MS = 1_000;

export type CallOptions = {
  /** The readiness check: may probe an open breaker (as its single probe). */
  probe?: boolean;
};

/** Calls `action` and returns its answer parsed by `schema`, or throws a WhmcsError. */
export async function call<T>(
  action: AllowedAction,
  params: FormParams,
  schema: z.ZodType<T>,
  options: CallOptions = {},
): Promise<T> {
  const started = performance.now();
  const refused = precheck(action, params);
  if (refused) {
    await report(action, { outcome: { ok: false, error: refused } }, started, 0);
    throw refused;
  }
  // Reads change nothing, so an outage may be retried; a write may have
  // happened even when its answer was lost, so it is sent once.
  const read = isReadAction(action);
  const attempts = read && !options.probe ? 1 + READ_RETRIES : 1;
  const write = !read;

  for (let n = 1; ; n += 1) {
    const result = await attempt(action, params, schema, { write, probe: options.probe });
    // A read that already spent a whole timeout is not tried again: WHMCS is
    // struggling, and the page has waited long enough.
    const inBudget = performance.now() - started < env().WHMCS_TIMEOUT_MS;
    if (!(result.retriable && n < attempts && inBudget)) {
      await report(action, result, started, n);
      if (result.outcome.ok) return result.outcome.data;
      throw result.outcome.error;
    }
    recordWhmcsRetry(action);
    await sleep(backoff(n));
  }
}

function precheck(action: string, params: FormParams): WhmcsError | null {
  if (!isAllowedAction(action)) {
    return new WhmcsMisconfiguredError(action, 'not in the allowlist');
  }
  const reserved = Object.keys(params).find((key) => RESERVED_PARAMS.has(key));

  return reserved
    ? new WhmcsMisconfiguredError(action, `reserved parameter ${reserved}`)
    : null;
}

/** Full jitter between half and all of an exponential step, capped. */
function backoff(attempt: number): number {
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
  return step / 2 + Math.random() * (step / 2);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
