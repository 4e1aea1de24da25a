import 'server-only';
import type { z } from 'zod';
import { whmcsError, type WhmcsError, type WhmcsErrorKind } from '@/lib/whmcs/errors';
import { isRecord } from '@/lib/whmcs/wire';

// The one place that decides what a WHMCS answer means. Pure: the transport
// uses it on live answers, `npm run whmcs:check` on saved ones.

export type RawAnswer = {
  httpStatus: number;
  /** The Content-Type header; null or undefined when unknown. */
  contentType?: string | null;
  bodyText: string;
};

export type Interpretation<T> = { ok: true; data: T } | { ok: false; error: WhmcsError };

// Rejections an operator must fix (docs/whmcs.md#invalid-ip-credentials-and-role-gaps).
// WHMCS does not normalise wording or case, so every match is case-insensitive.
const MISCONFIGURED = [
  /^invalid ip\b/i,
  /authentication failed/i,
  /invalid or missing credentials/i,
  /invalid permissions/i,
  /invalid api action/i,
  /restricted to internal api/i,
];
const NOT_FOUND = /not found/i;
const JSON_TYPES = /json|^text\/plain$|^text\/javascript$/;

export function interpret<T = unknown>(
  action: string,
  answer: RawAnswer,
  schema?: z.ZodType<T>,
): Interpretation<T> {
  const { httpStatus } = answer;
  const fail = (kind: WhmcsErrorKind, reason: string, whmcsMessage?: string) =>
    ({
      ok: false,
      error: whmcsError(kind, action, reason, { httpStatus, whmcsMessage }),
    }) as const;

  const broken = transportProblem(answer);
  if (broken) return fail('unavailable', broken);
  const body = parseJson(answer.bodyText);
  if (body === NOT_JSON) return fail('unavailable', notJsonReason(answer.bodyText));

  const message = errorMessage(body);
  if (message !== null) return fail(kindOf(message, httpStatus), clip(message), message);
  if (httpStatus === 401 || httpStatus === 403)
    return fail('misconfigured', `http ${httpStatus}`);
  if (httpStatus < 200 || httpStatus > 299)
    return fail('unavailable', `http ${httpStatus}`);
  if (!schema) return { ok: true, data: body as T };

  if (!saysSuccess(body)) return fail('invalid', 'no "result":"success" in the answer');
  const parsed = schema.safeParse(body);
  if (!parsed.success) return fail('invalid', describe(parsed.error));

  return { ok: true, data: parsed.data };
}

/** Status, content type and body shape that cannot be a WHMCS JSON answer. */
function transportProblem({
  httpStatus,
  contentType,
  bodyText,
}: RawAnswer): string | null {
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const start = bodyText.trimStart().slice(0, 1);

  if (httpStatus >= 500) return `http ${httpStatus}`;
  if (httpStatus >= 300 && httpStatus < 400) return `redirect http ${httpStatus}`;
  // Maintenance pages, login redirects and WAFs answer 200 with HTML
  // (docs/whmcs.md#answers-that-are-not-json).
  if (media.includes('html') || start === '<') return 'html page';
  if (media && !JSON_TYPES.test(media)) return `content-type ${media}`;
  if (start === '') return 'empty body';

  return null;
}

const NOT_JSON = Symbol('not json');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return NOT_JSON;
  }
}

function notJsonReason(text: string): string {
  // Without responsetype=json WHMCS answers `result=error;message=…`
  // (docs/whmcs.md#answers-that-are-not-json).
  return /^\s*result=/.test(text) ? 'not json (name=value text)' : 'not json';
}

/** The error text of an error body, or null when the body is not an error. */
function errorMessage(body: unknown): string | null {
  if (!isRecord(body)) return null;
  const says = (v: unknown) => body.result === v || body.status === v;
  const warning =
    body.result === undefined && body.status === undefined && 'warning' in body;
  if (!says('error') && !warning) return null;

  const text = says('error') ? body.message : body.warning;
  return typeof text === 'string' && text.trim() ? text : 'error without a message';
}

function kindOf(message: string, httpStatus: number): WhmcsErrorKind {
  if (MISCONFIGURED.some((pattern) => pattern.test(message))) return 'misconfigured';
  if (httpStatus === 401 || httpStatus === 403) return 'misconfigured';

  return NOT_FOUND.test(message) ? 'not_found' : 'refused';
}

function saysSuccess(body: unknown): boolean {
  return isRecord(body) && (body.result === 'success' || body.status === 'success');
}

/** The first schema issue as `path: message`; zod's messages carry no values. */
function describe(error: z.ZodError): string {
  const [first, ...rest] = error.issues;
  const where = first?.path.map(String).join('.') || '(root)';
  const more = rest.length > 0 ? ` (+${rest.length} more)` : '';

  return `schema: ${where}: ${first?.message ?? 'invalid'}${more}`;
}

function clip(message: string): string {
  const flat = message.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
