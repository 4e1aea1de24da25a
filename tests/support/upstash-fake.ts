// A fake of Upstash's REST API for msw: @upstash/redis POSTs a JSON command
// array to the database URL (or an array of them to `/pipeline`); each command
// runs on a real redis-server through the `redis` TCP client. Answers follow
// Upstash: `{ result }` (strings base64-encoded when the client asks with
// `Upstash-Encoding: base64`) or status 400 with `{ error }`.
//
// Upstash accepts its own `#!lua flags=allow-key-locking` shebang; plain Redis
// does not, so the fake runs commands through the portal's TCP requester, which
// drops that flag the same way the TCP store does.
import { http, HttpResponse } from 'msw';
import { tcpRequester } from '@/lib/store/redis-tcp';

type Answer = { result?: unknown; error?: string };

function encode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === 'string' && value !== 'OK') {
    return Buffer.from(value, 'utf8').toString('base64');
  }

  return value;
}

export type UpstashFake = {
  handlers: ReturnType<typeof http.post>[];
  /** Requests the fake has answered, to prove the REST path was taken. */
  requests: () => number;
  close(): Promise<void>;
};

export function upstashFake(
  baseUrl: string,
  token: string,
  redisUrl: string,
): UpstashFake {
  const redis = tcpRequester(redisUrl, 2_000);
  let requests = 0;

  async function run(command: unknown, base64: boolean): Promise<Answer> {
    const { result, error } = await redis.request({ body: command });
    if (error !== undefined) return { error };

    return { result: base64 ? encode(result) : result };
  }

  const authorized = (request: Request) =>
    request.headers.get('authorization') === `Bearer ${token}`;
  const base64 = (request: Request) =>
    request.headers.get('upstash-encoding') === 'base64';
  const unauthorized = () =>
    HttpResponse.json({ error: 'Unauthorized' }, { status: 401 });

  return {
    handlers: [
      http.post(`${baseUrl}/pipeline`, async ({ request }) => {
        requests++;
        if (!authorized(request)) return unauthorized();
        const commands = (await request.json()) as unknown[];
        const answers = [];
        for (const command of commands) answers.push(await run(command, base64(request)));

        return HttpResponse.json(answers);
      }),
      http.post(`${baseUrl}/multi-exec`, () =>
        HttpResponse.json({ error: 'multi-exec is not faked' }, { status: 400 }),
      ),
      http.post(baseUrl, async ({ request }) => {
        requests++;
        if (!authorized(request)) return unauthorized();
        const answer = await run(await request.json(), base64(request));

        return HttpResponse.json(answer, {
          status: answer.error === undefined ? 200 : 400,
        });
      }),
    ],
    requests: () => requests,
    close: () => redis.close(),
  };
}
