import 'server-only';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { interpret, type RawAnswer } from '@/lib/whmcs/classify';
import { schemaFor } from '@/lib/whmcs/schemas';
import { isRecord } from '@/lib/whmcs/wire';

// `npm run whmcs:check -- DIR`: runs the portal's own answer handling over
// saved WHMCS answers. A file is a raw body (the action is the file name up to
// its first dot) or an envelope {request:{form:{action}}, response:{httpStatus,
// contentType, body}} whose body is a JSON value or a string.

export type CheckResult = {
  file: string;
  action: string;
  ok: boolean;
  /** "success" or "error:<kind> <reason>". */
  verdict: string;
};

export type CheckReport = { results: CheckResult[]; lines: string[]; summary: string };

/** Reads every *.json in `dir` (sorted); throws only if `dir` cannot be read. */
export async function checkDir(dir: string): Promise<CheckReport> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const results = await Promise.all(names.map((name) => checkPath(dir, name)));
  const passed = results.filter((r) => r.ok).length;

  return {
    results,
    lines: results.map((r) => `${r.file}: ${r.action} ${r.verdict}`),
    summary: `${results.length} files: ${passed} success, ${results.length - passed} error`,
  };
}

async function checkPath(dir: string, file: string): Promise<CheckResult> {
  try {
    return checkFile(file, await readFile(path.join(dir, file), 'utf8'));
  } catch (error) {
    const code = isRecord(error) && typeof error.code === 'string' ? error.code : 'error';
    return {
      file,
      action: actionFromName(file),
      ok: false,
      verdict: `error:unreadable ${code}`,
    };
  }
}

/** Checks one saved answer the way the transport would check it live. */
export function checkFile(file: string, text: string): CheckResult {
  const { action, answer } = readSaved(file, text);
  const outcome = interpret(action, answer, schemaFor(action));
  const verdict = outcome.ok
    ? 'success'
    : `error:${outcome.error.kind} ${outcome.error.reason}`;

  return { file, action, ok: outcome.ok, verdict };
}

function actionFromName(file: string): string {
  return path.basename(file).split('.')[0] ?? file;
}

function readSaved(file: string, text: string): { action: string; answer: RawAnswer } {
  const fallback = actionFromName(file);
  const envelope = parseEnvelope(text);
  if (!envelope) return { action: fallback, answer: { httpStatus: 200, bodyText: text } };

  const { request, response } = envelope;
  const form = isRecord(request) && isRecord(request.form) ? request.form : request;
  const action =
    isRecord(form) && typeof form.action === 'string' ? form.action : fallback;
  const status = Number(response.httpStatus);
  const body = response.body;

  return {
    action,
    answer: {
      httpStatus: Number.isInteger(status) ? status : 200,
      contentType: typeof response.contentType === 'string' ? response.contentType : null,
      bodyText: typeof body === 'string' ? body : JSON.stringify(body),
    },
  };
}

type Envelope = { request?: unknown; response: Record<string, unknown> };

function parseEnvelope(text: string): Envelope | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || !isRecord(value.response) || !('body' in value.response))
    return null;

  return { request: value.request, response: value.response };
}
