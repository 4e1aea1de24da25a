import 'server-only';
import type { z } from 'zod';
import type { Interpretation } from '@/lib/whmcs/classify';
import {
  WhmcsUncertainError,
  WhmcsUnavailableError,
  type WhmcsError,
} from '@/lib/whmcs/errors';
import { exchange } from '@/lib/whmcs/http';
import type { FormParams } from '@/lib/whmcs/form';
import { QueueTimeoutError } from '@/lib/whmcs/limiter';
import { whmcsBreaker, whmcsLimiter } from '@/lib/whmcs/protection';

// One try at a WHMCS call: past the breaker, through the in-flight limit, one
// exchange, and what its outcome means for the breaker and for a retry.

export type Rejection = 'circuit_open' | 'queue_timeout';

export type Attempt<T> = {
  outcome: Interpretation<T>;
  /** Worth trying again: a read whose request failed on the way or at WHMCS. */
  retriable: boolean;
  /** Set when the call was never sent. */
  rejected?: Rejection;
};

export type AttemptOptions = { write: boolean; probe?: boolean };

// Connection failures that prove the request never left: a write stopped by
// one of these cannot have happened.
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

export async function attempt<T>(
  action: string,
  params: FormParams,
  schema: z.ZodType<T>,
  options: AttemptOptions,
): Promise<Attempt<T>> {
  const breaker = whmcsBreaker();
  const pass = breaker.admit(options.probe);
  if (!pass) return rejected(action, 'circuit_open', 'circuit open');

  let release: () => void;
  try {
    release = await whmcsLimiter().acquire();
  } catch (error) {
    breaker.release(pass);
    if (!(error instanceof QueueTimeoutError)) throw error;
    return rejected(action, 'queue_timeout', 'too many calls in flight', error);
  }

  try {
    const outcome = await exchange(action, params, schema, { write: options.write });
    const failed = !outcome.ok && outcome.error.kind === 'unavailable';
    if (failed) breaker.failure(pass);
    else breaker.success(pass);
    if (!outcome.ok && failed && options.write && mayHaveArrived(outcome.error)) {
      return {
        outcome: { ok: false, error: uncertain(outcome.error) },
        retriable: false,
      };
    }

    return { outcome, retriable: failed };
  } catch (error) {
    breaker.release(pass);
    throw error;
  } finally {
    release();
  }
}

function rejected<T>(
  action: string,
  rejection: Rejection,
  reason: string,
  cause?: unknown,
): Attempt<T> {
  const error = new WhmcsUnavailableError(action, reason, { cause });
  return { outcome: { ok: false, error }, retriable: false, rejected: rejection };
}

/** The write was sent unless the connection itself was refused. */
function mayHaveArrived(error: WhmcsError): boolean {
  let cause: unknown = error.cause;
  for (let depth = 0; cause instanceof Error && depth < 3; depth += 1) {
    if ('code' in cause && NEVER_SENT.has(String(cause.code))) return false;
    cause = cause.cause;
  }

  return true;
}

function uncertain(error: WhmcsError): WhmcsError {
  const reason = `answer lost after sending (${error.reason}): it may have gone through`;
  return new WhmcsUncertainError(error.action, reason, {
    httpStatus: error.httpStatus,
    cause: error,
  });
}
