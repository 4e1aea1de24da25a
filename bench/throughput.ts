// Load at zero simulator latency, so the portal's own work is what is timed:
// the signed-in dashboard against the plain baseline page at 1, 10 and 50
// connections, then the proxy's session check on two trivial routes, then the
// server's memory. Each pair is measured in alternating rounds, so a change in
// other load on the machine hits both sides alike. Every loop stops by itself.
import type { Stack } from '../scripts/stack.mjs';
import { loadLoop, type Jar, type LoadResult } from './http';
import type { Throughput } from './report';
import { ratio, round } from './stats';
import { memoryOf, type Memory } from './targets';

const CONNECTIONS = [1, 10, 50];
const ROUNDS = 4;
const WARM_UP_SECONDS = 2;
const PROXY_CONNECTIONS = 10;

export type LoadFigures = {
  throughput: Throughput[];
  proxy: {
    protectedRps: number;
    openRps: number;
    costPct: number;
    /** Server CPU ms per request on each route. */
    protectedCpuMs: number;
    openCpuMs: number;
    /** The same cost from server CPU per request, steadier under other load. */
    cpuCostPct: number;
  };
  /** Portal RSS when idle after start and sign-in, then right after the load. */
  memory: { idle: Memory; afterLoad: Memory };
};

type Side = { url: string; jar?: Jar; pid: number };

function total(parts: LoadResult[], connections: number): LoadResult {
  const sum = (pick: (p: LoadResult) => number) => parts.reduce((n, p) => n + pick(p), 0);
  const seconds = sum((p) => p.seconds);
  const requests = sum((p) => p.requests);

  return {
    connections,
    seconds: round(seconds, 2),
    requests,
    errors: sum((p) => p.errors),
    rps: round(requests / seconds),
    serverCpuMs: sum((p) => p.serverCpuMs),
  };
}

/** Server CPU milliseconds per successful request. */
export const cpuPerRequest = (r: LoadResult) => round(r.serverCpuMs / r.requests, 2);

/** A and B for `seconds` each, in ROUNDS alternating slices. */
async function alternate(a: Side, b: Side, connections: number, seconds: number) {
  const slice = seconds / ROUNDS;
  const parts: [LoadResult[], LoadResult[]] = [[], []];
  for (let i = 0; i < ROUNDS; i += 1) {
    for (const [side, into] of [
      [a, parts[0]],
      [b, parts[1]],
    ] as const) {
      const options = { connections, seconds: slice, jar: side.jar, serverPid: side.pid };
      into.push(await loadLoop(side.url, options));
    }
  }

  return [total(parts[0], connections), total(parts[1], connections)] as const;
}

export async function measureLoad(
  stack: Stack,
  jar: Jar,
  seconds: number,
): Promise<LoadFigures> {
  console.log('Throughput at 0 ms latency…');
  const pid = stack.portal.pid;
  if (pid === undefined) throw new Error('no portal process id');
  const idle = memoryOf(pid);
  const dashboard = { url: `${stack.url}/dashboard`, jar, pid };
  const plain = { url: `${stack.url}/bench/open/plain`, pid };
  await alternate(dashboard, plain, 10, WARM_UP_SECONDS);

  const throughput: Throughput[] = [];
  for (const connections of CONNECTIONS) {
    const [signedIn, bare] = await alternate(dashboard, plain, connections, seconds);
    console.log(
      `  ${connections} conns: dashboard ${signedIn.rps} req/s, plain ${bare.rps} req/s`,
    );
    throughput.push({
      connections,
      dashboard: signedIn,
      plain: bare,
      ratio: ratio(signedIn.rps, bare.rps),
      cpuRatio: ratio(cpuPerRequest(bare), cpuPerRequest(signedIn)),
    });
  }
  const afterLoad = memoryOf(pid);

  const guarded = { url: `${stack.url}/bench/ping`, jar, pid };
  const open = { url: `${stack.url}/bench/open/ping`, pid };
  await alternate(guarded, open, PROXY_CONNECTIONS, WARM_UP_SECONDS);
  const [behind, before] = await alternate(guarded, open, PROXY_CONNECTIONS, seconds);
  if (behind.errors > 0 || before.errors > 0) throw new Error('the ping routes failed');
  const proxy = {
    protectedRps: behind.rps,
    openRps: before.rps,
    costPct: round((1 - behind.rps / before.rps) * 100),
    protectedCpuMs: cpuPerRequest(behind),
    openCpuMs: cpuPerRequest(before),
    cpuCostPct: round((cpuPerRequest(behind) / cpuPerRequest(before) - 1) * 100),
  };

  return { throughput, proxy, memory: { idle, afterLoad } };
}
