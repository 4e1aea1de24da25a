// A real redis-server for the store tests: Debian's package (`bash .ci/run`
// installs it), on a free port on 127.0.0.1, with no persistence. A missing
// binary fails the tests that need it; nothing is skipped.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';

export type RedisServer = {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
};

import { freePort } from '../../scripts/stack.mjs';

export { freePort };

/** A TCP server that accepts connections and never answers: a hung Redis. */
export async function silentServer(): Promise<{ url: string; server: Server }> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');

  return { url: `redis://127.0.0.1:${address.port}`, server };
}

async function launch(port: number): Promise<RedisServer> {
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`redis-server not ready:\n${output}`)),
      10_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    child.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        error.code === 'ENOENT'
          ? new Error(
              'redis-server is not installed (apt-get install redis-server; .ci/run does)',
            )
          : error,
      ),
    );
    child.once('exit', (code) =>
      fail(new Error(`redis-server exited (${code}):\n${output}`)),
    );
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Ready to accept connections')) return;
      clearTimeout(timer);
      resolve();
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('redis-server has no pid');

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid,
    async stop() {
      if (child.exitCode === null) process.kill(pid, 'SIGTERM');
      await exited;
    },
  };
}

/** Starts redis-server on `port`, or on a free port (another if one was taken meanwhile). */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  if (port !== undefined) return launch(port);
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await launch(await freePort());
    } catch (error) {
      lastError = error;
      if (error instanceof Error && error.message.includes('not installed')) break;
    }
  }

  throw lastError;
}
