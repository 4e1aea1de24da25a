// Talks to a running simulator over real HTTP, and loads the official examples.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CREDENTIALS } from '@/whmcs-sim/demo-accounts';

export type Answer = { status: number; contentType: string; text: string };

/** A form POST to `<root>/includes/api.php` carrying the demo credentials. */
export async function post(
  root: string,
  fields: Record<string, string>,
  auth: Record<string, string> = { ...DEFAULT_CREDENTIALS },
): Promise<Answer> {
  const response = await fetch(`${root}/includes/api.php`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...auth, ...fields }),
  });

  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

export type Json = Record<string, unknown>;

/** Calls an action with responsetype=json and parses the answer. */
export async function api(
  root: string,
  action: string,
  fields: Record<string, string> = {},
) {
  const answer = await post(root, { action, responsetype: 'json', ...fields });

  return JSON.parse(answer.text) as Json;
}

const FIXTURES = fileURLToPath(new URL('../fixtures/whmcs-examples/', import.meta.url));

/** The official example of an action; the re-nested copy where the docs print it flat. */
export function example(action: string): unknown {
  const derived = `${FIXTURES}derived/${action}.json`;
  const file = existsSync(derived) ? derived : `${FIXTURES}${action}.json`;

  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Dig into parsed JSON by keys and indexes, e.g. at(x, 'invoices', 'invoice', 0). */
export function at(json: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
    json,
  );
}

/** A fixed instant for tests, so seeded dates do not depend on today. */
export const TEST_NOW = new Date('2026-06-15T10:00:00Z');
