import 'server-only';
import type { z } from 'zod';
import { log } from '@/lib/log';
import { isAllowedAction, isReadAction, type AllowedAction } from '@/lib/whmcs/allowlist';
import type { Interpretation } from '@/lib/whmcs/classify';
import { WhmcsMisconfiguredError, type WhmcsError } from '@/lib/whmcs/errors';
import { RESERVED_PARAMS, type FormParams } from '@/lib/whmcs/form';
import { exchange } from '@/lib/whmcs/http';

// The one entry point for WHMCS calls: allowlist, retries, one log line.

const READ_RETRIES = 2;
const BACKOFF_BASE_MS = 150;
const BACKOFF_CAP_MS = 1_000;

/** Calls `action` and returns its answer parsed by `schema`, or throws a WhmcsError. */
export async function call<T>(
  action: AllowedAction,
  params: FormParams,
  schema: z.ZodType<T>,
): Promise<T> {
  const started = performance.now();
  const refused = precheck(action, params);
  if (refused) {
    logCall(action, { ok: false, error: refused }, started, 0);
    throw refused;
  }
  // Reads change nothing, so an outage may be retried; a write may have
  // happened even when its answer was lost, so it is sent once.
  const attempts = isReadAction(action) ? 1 + READ_RETRIES : 1;

  for (let attempt = 1; ; attempt += 1) {
    const outcome = await exchange(action, params, schema);
    const retry =
      !outcome.ok && outcome.error.kind === 'unavailable' && attempt < attempts;
    if (!retry) {
      logCall(action, outcome, started, attempt);
      if (outcome.ok) return outcome.data;
      throw outcome.error;
    }
    await sleep(backoff(attempt));
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

const LEVELS = {
  unavailable: 'warn',
  misconfigured: 'error',
  invalid: 'error',
  refused: 'info',
  not_found: 'info',
} as const;

/** One line per call (attempt 0: refused before sending); never params, never a body. */
function logCall(
  action: string,
  outcome: Interpretation<unknown>,
  started: number,
  attempt: number,
): void {
  const durationMs = Math.round(performance.now() - started);
  const line = { event: 'whmcs.call', action, durationMs, attempt };
  if (outcome.ok) return log().info({ ...line, outcome: 'ok' });

  const { kind, reason } = outcome.error;
  log()[LEVELS[kind]]({ ...line, outcome: 'error', kind, reason });
}
