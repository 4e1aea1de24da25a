import 'server-only';
import { createHash } from 'node:crypto';
import type { Requester, UpstashRequest, UpstashResponse } from '@upstash/redis';
import { createClient, ErrorReply } from 'redis';

// @upstash/redis speaks Upstash's REST protocol; `new Redis(requester)` lets it
// talk to any Redis over TCP instead. The body of each request is the command
// as an array; the answer is `{ result }` or `{ error }` (no base64 here: that
// is only the REST transport's encoding).

const SHEBANG_FLAGS = /^#!lua flags=([^\n]*)/;
const LOCKING_FLAG = 'allow-key-locking';

/** @upstash/ratelimit ≥2.1 marks its scripts `#!lua flags=allow-key-locking`, a
 * flag only Upstash knows: plain Redis answers "Unexpected flag in script shebang".
 * Dropping it is harmless; it only narrows Upstash's locking. */
export function withoutUpstashFlags(script: string): string {
  return script.replace(SHEBANG_FLAGS, (_line, flags: string) => {
    const kept = flags
      .split(',')
      .map((flag) => flag.trim())
      .filter((flag) => flag !== '' && flag !== LOCKING_FLAG);

    return kept.length > 0 ? `#!lua flags=${kept.join(',')}` : '#!lua';
  });
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

export type TcpRequester = Requester & { close(): Promise<void> };

export function tcpRequester(url: string, timeoutMs: number): TcpRequester {
  const client = createClient({
    url,
    // Fail at once while disconnected instead of queueing: callers fail closed.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: timeoutMs,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000),
    },
  });
  // Connection errors reach callers as failed commands; the client only has to
  // keep an 'error' listener so that they do not crash the process.
  client.on('error', () => undefined);
  const where = new URL(url).host;
  // The library's hash of a flagged script → the hash of the script Redis ran.
  const aliases = new Map<string, string>();
  let firstAttempt: Promise<void> | undefined;

  // Connects on first use and waits for that first attempt (at most the timeout);
  // later, while the client reconnects in the background, calls fail at once.
  async function connected() {
    firstAttempt ??= new Promise<void>((settle) => {
      const timer = setTimeout(settle, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        settle();
      };
      client.once('ready', done);
      client.once('error', done);
      client.connect().catch(() => undefined);
    });
    await firstAttempt;
    if (!client.isReady) throw new Error(`Redis at ${where} is unreachable`);
  }

  function forRedis(args: string[]): string[] {
    const [name = '', first = '', ...rest] = args;
    const command = name.toUpperCase();
    if (command === 'EVAL' || command === 'EVAL_RO') {
      const script = withoutUpstashFlags(first);
      if (script !== first) aliases.set(sha1(first), sha1(script));
      return [name, script, ...rest];
    }
    if (command === 'EVALSHA' || command === 'EVALSHA_RO') {
      return [name, aliases.get(first.toLowerCase()) ?? first, ...rest];
    }
    if (command === 'SCRIPT' && first.toUpperCase() === 'LOAD' && rest[0] !== undefined) {
      const script = withoutUpstashFlags(rest[0]);
      if (script !== rest[0]) aliases.set(sha1(rest[0]), sha1(script));
      return [name, first, script];
    }

    return args;
  }

  async function send(command: unknown): Promise<UpstashResponse<unknown>> {
    if (!Array.isArray(command)) return { error: 'ERR a command is an array' };
    const args = command.map(String);
    try {
      const result = await client.sendCommand(forRedis(args), { timeout: timeoutMs });
      // SCRIPT LOAD answers the hash the caller computed, which EVALSHA then maps.
      const loaded =
        args[0]?.toUpperCase() === 'SCRIPT' && args[1]?.toUpperCase() === 'LOAD';
      return {
        result: loaded && args[2] !== undefined ? sha1(args[2]) : (result ?? null),
      };
    } catch (error) {
      if (error instanceof ErrorReply) return { error: error.message };
      throw error;
    }
  }

  return {
    async request<T>(req: UpstashRequest): Promise<UpstashResponse<T>> {
      await connected();
      const [path] = req.path ?? [];
      if (path === 'pipeline' && Array.isArray(req.body)) {
        // One response per command, in order (see @upstash/redis Pipeline.exec).
        const results = await Promise.all(req.body.map(send));
        return results as unknown as UpstashResponse<T>;
      }
      if (path !== undefined) throw new Error(`Redis over TCP has no "${path}" endpoint`);

      return (await send(req.body)) as UpstashResponse<T>;
    },
    async close() {
      if (client.isReady) await client.close();
      else if (client.isOpen) client.destroy();
    },
  };
}
