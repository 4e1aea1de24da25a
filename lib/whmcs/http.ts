import 'server-only';
import type { z } from 'zod';
import { outsideRequest } from '@/lib/async-root';
import { env, type Env } from '@/lib/env';
import { interpret, type Interpretation, type RawAnswer } from '@/lib/whmcs/classify';
import { whmcsError, type WhmcsError } from '@/lib/whmcs/errors';
import { appendParams, type FormParams } from '@/lib/whmcs/form';

// One request to WHMCS and what its answer means. Credentials travel in the
// POST body only. WHMCS_INSECURE_TLS is deliberately not honoured here:
// certificates are always checked.

/** Sends one request and interprets the answer; never throws a WHMCS failure. */
export async function exchange<T>(
  action: string,
  params: FormParams,
  schema: z.ZodType<T>,
): Promise<Interpretation<T>> {
  const config = env();
  const answer = await post(config, action, params);
  if ('error' in answer) return { ok: false, error: answer.error };

  return scrubbed(interpret(action, answer, schema), secretsOf(config));
}

async function post(
  config: Env,
  action: string,
  params: FormParams,
): Promise<RawAnswer | { error: WhmcsError }> {
  const body = new URLSearchParams({ action, identifier: config.WHMCS_API_IDENTIFIER });
  body.set('secret', config.WHMCS_API_SECRET);
  if (config.WHMCS_ACCESS_KEY) body.set('accesskey', config.WHMCS_ACCESS_KEY);
  body.set('responsetype', 'json');
  appendParams(body, params);

  try {
    // Started outside the request's async context (lib/async-root.ts).
    const sent = outsideRequest(() =>
      fetch(endpoint(config.WHMCS_URL), {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body,
        redirect: 'error',
        cache: 'no-store',
        signal: AbortSignal.timeout(config.WHMCS_TIMEOUT_MS),
      }),
    );
    const response = await sent;
    const bodyText = await response.text();
    const contentType = response.headers.get('content-type');
    return { httpStatus: response.status, contentType, bodyText };
  } catch (cause) {
    const reason = failureReason(cause, config.WHMCS_TIMEOUT_MS);
    // A certificate WHMCS's TLS cannot prove will not get better on a retry.
    const kind = reason.startsWith('tls ') ? 'misconfigured' : 'unavailable';
    return { error: whmcsError(kind, action, reason, { cause }) };
  }
}

/**
 * `{WHMCS_URL}/includes/api.php`, keeping a sub-folder. Resolving a relative
 * path drops any query or fragment of the base, so nothing rides in the URL.
 */
export function endpoint(base: string): URL {
  return new URL('includes/api.php', base.endsWith('/') ? base : `${base}/`);
}

// OpenSSL's certificate verdicts and Node's own TLS errors.
const TLS_FAILURE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/;

function failureReason(cause: unknown, timeoutMs: number): string {
  if (cause instanceof Error && cause.name === 'TimeoutError') {
    return `timeout after ${timeoutMs}ms`;
  }
  const inner = cause instanceof Error ? cause.cause : undefined;
  const code =
    typeof inner === 'object' && inner !== null && 'code' in inner ? inner.code : null;

  if (typeof code !== 'string') return 'network error';

  return TLS_FAILURE.test(code) ? `tls ${code}` : `network error ${code}`;
}

function secretsOf(config: Env): string[] {
  const { WHMCS_API_IDENTIFIER, WHMCS_API_SECRET, WHMCS_ACCESS_KEY } = config;
  const values = [WHMCS_API_IDENTIFIER, WHMCS_API_SECRET, WHMCS_ACCESS_KEY];

  return values.filter((v): v is string => typeof v === 'string' && v.length >= 4);
}

/** Should WHMCS ever echo a credential in a message, it does not leave here. */
function scrubbed<T>(outcome: Interpretation<T>, secrets: string[]): Interpretation<T> {
  if (outcome.ok) return outcome;
  const { kind, action, reason, whmcsMessage, httpStatus } = outcome.error;
  const clean = (text: string) =>
    secrets.reduce((t, s) => t.split(s).join('[redacted]'), text);
  if (![reason, whmcsMessage ?? ''].some((text) => clean(text) !== text)) return outcome;

  const details = { httpStatus, whmcsMessage: whmcsMessage && clean(whmcsMessage) };
  return { ok: false, error: whmcsError(kind, action, clean(reason), details) };
}
