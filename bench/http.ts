// Loopback HTTP for the benchmark: one timed GET, and a load loop bounded in
// time and count. node:http rather than fetch, so the client costs little CPU
// next to the server it measures on the same two cores.
import http from 'node:http';
import { cpuMsOf } from './targets';

export type Jar = { cookie: string };

export type Timing = { status: number; ttfbMs: number; totalMs: number; bytes: number };

const REQUEST_TIMEOUT_MS = 30_000;

function assertLoopback(url: URL) {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    throw new Error(`benchmark traffic goes to loopback only, not ${url.hostname}`);
}

/** Keeps the session cookie current when proxy.ts refreshes the token. */
function remember(jar: Jar | undefined, headers: http.IncomingHttpHeaders) {
  const fresh = headers['set-cookie']?.find((c) => c.startsWith('__Host-kp_session='));
  if (jar && fresh) jar.cookie = fresh.split(';')[0] as string;
}

/** GET `url`; times the response head (TTFB) and the end of the streamed body. */
export function timedGet(url: string, jar?: Jar, agent?: http.Agent): Promise<Timing> {
  const target = new URL(url);
  assertLoopback(target);
  const headers = jar ? { cookie: jar.cookie } : {};

  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(target, { headers, agent }, (response) => {
      const ttfbMs = performance.now() - started;
      remember(jar, response.headers);
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('error', reject);
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        resolve({ status, ttfbMs, totalMs: performance.now() - started, bytes });
      });
    });
    request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

export type LoadResult = {
  connections: number;
  seconds: number;
  requests: number;
  errors: number;
  rps: number;
  /** CPU time the server process spent (user + system), when its pid was given. */
  serverCpuMs: number;
};

/**
 * `connections` clients each GET `url` back to back over keep-alive until
 * `seconds` have passed or `maxRequests` were sent, whichever comes first.
 */
export async function loadLoop(
  url: string,
  options: {
    connections: number;
    seconds: number;
    jar?: Jar;
    maxRequests?: number;
    serverPid?: number;
  },
): Promise<LoadResult> {
  const { connections, seconds, jar, maxRequests = 500_000, serverPid } = options;
  const cpuBefore = serverPid ? cpuMsOf(serverPid) : 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const deadline = performance.now() + seconds * 1000;
  let requests = 0;
  let errors = 0;

  const client = async () => {
    while (performance.now() < deadline && requests + errors < maxRequests) {
      try {
        const { status } = await timedGet(url, jar, agent);
        if (status === 200) requests += 1;
        else errors += 1;
      } catch {
        errors += 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, client));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();

  const serverCpuMs = serverPid ? cpuMsOf(serverPid) - cpuBefore : 0;

  return {
    connections,
    seconds: elapsed,
    requests,
    errors,
    rps: requests / elapsed,
    serverCpuMs,
  };
}
