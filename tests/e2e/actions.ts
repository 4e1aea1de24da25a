import { randomUUID } from 'node:crypto';
import type { Page, Request } from '@playwright/test';

// A server action as the browser sent it, to send again with one thing
// changed: a forged Origin (cross-site), or nothing (the control that shows the
// replay itself is accepted, so a refusal is the origin's doing).

export type SentAction = { url: string; headers: Record<string, string>; body: Buffer };

const isAction = (r: Request) => r.method() === 'POST' && !!r.headers()['next-action'];

/** Runs `click` and returns the server action request it made. */
export async function captureAction(page: Page, click: () => Promise<void>) {
  const [request] = await Promise.all([page.waitForRequest(isAction), click()]);
  const headers = await request.allHeaders();
  // The request context adds its own cookie, length and host.
  for (const name of ['cookie', 'content-length', 'host']) delete headers[name];

  return {
    url: request.url(),
    headers,
    body: request.postDataBuffer() ?? Buffer.alloc(0),
  };
}

/** The same action again, with `headers` over the browser's; a fresh submission key. */
export async function replayAction(
  page: Page,
  sent: SentAction,
  headers: Record<string, string>,
) {
  // A new key, so an idempotent form runs again rather than returning its first answer.
  const text = sent.body.toString('utf8');
  const key = /"submission":"([0-9a-f-]{36})"/.exec(text)?.[1];
  const body = key ? text.replaceAll(key, randomUUID()) : text;

  return page.request.fetch(sent.url, {
    method: 'POST',
    headers: { ...sent.headers, ...headers },
    data: Buffer.from(body, 'utf8'),
    maxRedirects: 0,
  });
}
