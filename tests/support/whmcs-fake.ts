import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

// An msw stand-in for WHMCS at the tests' WHMCS_URL (loopback, see setup.ts).
// It records every request it receives so tests can count and inspect them.

export const WHMCS_API = 'http://127.0.0.1:9/includes/api.php';

export type Seen = { url: URL; contentType: string | null; form: URLSearchParams };
type Responder = (form: URLSearchParams) => Response | Promise<Response>;

export const json =
  (body: JsonBodyType, status = 200): Responder =>
  () =>
    HttpResponse.json(body, { status });

export const raw =
  (body: string, contentType: string, status = 200): Responder =>
  () =>
    new HttpResponse(body, { status, headers: { 'content-type': contentType } });

/** Starts the fake for the calling test file; handlers reset after each test. */
export function fakeWhmcs() {
  const server = setupServer();
  const seen: Seen[] = [];

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());

  /** Answers request n with responders[n]; the last responder repeats. */
  function answer(...responders: Responder[]): void {
    server.use(
      http.all('*', async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        seen.push({
          url: new URL(request.url),
          contentType: request.headers.get('content-type'),
          form,
        });
        const responder = responders[Math.min(seen.length, responders.length) - 1];
        if (!responder) throw new Error('fakeWhmcs: no responder');

        return responder(form);
      }),
    );
  }

  /** Answers by action name, e.g. { GetInvoice: json({...}) }. */
  function answerByAction(byAction: Record<string, Responder>): void {
    answer((form) => {
      const responder = byAction[form.get('action') ?? ''];
      return responder
        ? responder(form)
        : HttpResponse.json({ result: 'error' }, { status: 500 });
    });
  }

  return { seen, answer, answerByAction };
}
