import 'server-only';
import http from 'node:http';
import https from 'node:https';
import type { z } from 'zod';
import { outsideRequest } from '@/lib/async-root';
import { env, type Env } from '@/lib/env';
import { interpret, type Interpretation, type RawAnswer } from '@/lib/whmcs/classify';
import { whmcsError, type WhmcsError } from '@/lib/whmcs/errors';
import { appendParams, type FormParams } from '@/lib/whmcs/form';

// One request to WHMCS and what its answer means. Credentials travel in the
// POST body only. WHMCS_INSECURE_TLS is deliberately not honoured here:
// certificates are always checked.
//
// Node's own HTTP client rather than fetch: a page makes up to ten of these,
// and fetch (undici's streams, Request/Response objects and abort signals)
// costs about twice the CPU per call (issue #5). Redirects are never followed
// (the body holds the credentials), so a 3xx is an answer like any other
// non-2xx.
//
// Reads ride on kept-alive connections, one agent per protocol, made outside
// any request's async context. A kept-alive connection can be closed by the
// server (Apache and Node close an idle one after 5 s) just as the portal
// sends on it, and the request fails with ECONNRESET; a busy process, which
// notices the close late, makes that likelier. Two things keep that from
// reaching a customer:
// - an idle connection is dropped after IDLE_MS, well before such servers
//   close theirs, and a read that still meets a reset is retried
//   (lib/whmcs/attempt.ts);
// - a write is never retried, since WHMCS may have acted on it, so it never
//   goes out on a reused connection: each write opens its own and closes it.

/** Sends one request and interprets the answer; never throws a WHMCS failure. */
export async function exchange<T>(
  action: string,
  params: FormParams,
  schema: z.ZodType<T>,
  { write = false }: { write?: boolean } = {},
): Promise<Interpretation<T>> {
  const config = env();
  const answer = await post(config, action, params, write);
  if ('error' in answer) return { ok: false, error: answer.error };

  return scrubbed(interpret(action, answer, schema), secretsOf(config));
}

async function post(
  config: Env,
  action: string,
  params: FormParams,
  write: boolean,
): Promise<RawAnswer | { error: WhmcsError }> {
  const body = new URLSearchParams({ action, identifier: config.WHMCS_API_IDENTIFIER });
  body.set('secret', config.WHMCS_API_SECRET);
  if (config.WHMCS_ACCESS_KEY) body.set('accesskey', config.WHMCS_ACCESS_KEY);
  body.set('responsetype', 'json');
  appendParams(body, params);

  try {
    // Started outside the request's async context (lib/async-root.ts).
    return await outsideRequest(() =>
      send(endpoint(config.WHMCS_URL), body.toString(), config.WHMCS_TIMEOUT_MS, {
        fresh: write,
      }),
    );
  } catch (cause) {
    const reason = failureReason(cause, config.WHMCS_TIMEOUT_MS);
    // A certificate WHMCS's TLS cannot prove will not get better on a retry.
    const kind = reason.startsWith('tls ') ? 'misconfigured' : 'unavailable';
    return { error: whmcsError(kind, action, reason, { cause }) };
  }
}

/** How long a kept-alive connection may sit unused before it is closed. */
export const IDLE_MS = 2_000;

type Agents = { http: http.Agent; https: https.Agent };
const AGENTS = Symbol.for('kraken.whmcs.agents');
const holder = globalThis as typeof globalThis & { [AGENTS]?: Agents };

/** The kept-alive agent for reads; `false` (a connection of its own) for a write. */
function agentFor(url: URL, fresh: boolean): http.Agent | false {
  if (fresh) return false;
  // `timeout` closes a connection once it has been idle that long in the pool;
  // a request under way is bounded by send()'s own timer instead.
  const agents = (holder[AGENTS] ??= {
    http: new http.Agent({ keepAlive: true, timeout: IDLE_MS }),
    https: new https.Agent({ keepAlive: true, timeout: IDLE_MS }),
  });
  return url.protocol === 'https:' ? agents.https : agents.http;
}

/** A timeout of the whole exchange, named like the one AbortSignal.timeout raises. */
function timeoutError(): Error {
  const error = new Error('The operation was aborted due to timeout');
  error.name = 'TimeoutError';
  return error;
}

/**
 * POSTs `form` to `url` and reads the whole answer within `timeoutMs`, on a
 * kept-alive connection unless `fresh` asks for one of its own.
 */
export function send(
  url: URL,
  form: string,
  timeoutMs: number,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<RawAnswer> {
  const client = url.protocol === 'https:' ? https : http;

  return new Promise((resolve, reject) => {
    const request = client.request(url, {
      method: 'POST',
      agent: agentFor(url, fresh),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': Buffer.byteLength(form),
        accept: 'application/json',
      },
    });
    let answer: http.IncomingMessage | undefined;
    // Whatever is under way when the time is up fails with the timeout.
    const timer = setTimeout(
      () => (answer ?? request).destroy(timeoutError()),
      timeoutMs,
    );
    const fail = (error: unknown) => {
      clearTimeout(timer);
      reject(error);
    };
    request.on('error', fail);
    request.on('response', (response) => {
      answer = response;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', fail);
      response.on('end', () => {
        clearTimeout(timer);
        resolve({
          httpStatus: response.statusCode ?? 0,
          contentType: response.headers['content-type'] ?? null,
          bodyText: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    request.end(form);
  });
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
  const code = codeOf(cause) ?? codeOf(cause instanceof Error ? cause.cause : undefined);

  if (typeof code !== 'string') return 'network error';

  return TLS_FAILURE.test(code) ? `tls ${code}` : `network error ${code}`;
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error
    ? error.code
    : null;
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
