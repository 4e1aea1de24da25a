// Small helpers of `npm run soak`: free loopback ports, arguments, logins, the
// simulator's fault plan, and the portal's memory as its own metrics report it.
import { setTimeout as sleep } from 'node:timers/promises';

const DEMO = ['alice@kraken.example', 'sam@kraken.example', 'contractor@kraken.example'];
// The portal's cap on concurrent sessions per person (lib/auth/realm.ts).
const SESSION_CAP = 5;

/** The portal's own view of its memory, from its metrics. */
export async function memory(base, token) {
  const response = await fetch(`${base}/api/metrics`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  const read = (kind) =>
    Number(
      new RegExp(`kraken_process_memory_bytes\\{kind="${kind}"\\} (\\d+)`).exec(
        text,
      )?.[1],
    );

  return { rss: read('rss'), heap: read('heap_used') };
}

export { freePort } from './stack.mjs';

export function parseArgs(list) {
  const out = {};
  for (let i = 0; i < list.length; i += 1) {
    const [key, inline] = list[i].replace(/^--/, '').split('=');
    out[key] = inline ?? list[++i];
  }
  return out;
}

/** The live heap of the process behind an inspector URL, after a full collection. */
export async function heapAfterGc(inspectorUrl) {
  const ws = new WebSocket(inspectorUrl);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  const waiting = new Map();
  ws.onmessage = (event) => {
    const message = JSON.parse(event.data);
    waiting.get(message.id)?.(message.result);
  };
  const ask = (id, method) =>
    new Promise((resolve) => {
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, method }));
    });
  await ask(1, 'HeapProfiler.collectGarbage');
  const usage = await ask(2, 'Runtime.getHeapUsage');
  ws.close();

  return usage.usedSize;
}

/** The demo logins in turn, each up to the session cap, then the simulator's extra ones. */
export async function loginsFor(simUrl, count) {
  const shared = Math.min(count, DEMO.length * SESSION_CAP);
  const demo = Array.from({ length: shared }, (_, i) => DEMO[i % DEMO.length]);
  const { logins } = await (await fetch(`${simUrl}__sim/logins`)).json();

  return [...demo, ...logins.slice(0, count - shared)];
}

/** The simulator's fault plan: PUT a plan, GET what was injected, DELETE it. */
export async function control(simUrl, method, plan) {
  const init = { method, body: plan ? JSON.stringify(plan) : undefined };
  const response = await fetch(`${simUrl}__sim/faults`, init);
  return response.json();
}

// Memory is compared between the end of the warm-up and the end of the run,
// each time with every session paused and once the live heap has settled (two
// readings 5 s apart within 1 MB, after at least 10 s): the live heap after a
// full garbage collection is what the portal really keeps. RSS is reported
// alongside. (Before lib/async-root.ts, Node's HTTP client timers held recent
// requests for up to half a minute and this took that long to settle.)
const SETTLE = {
  everyMs: 5_000,
  atLeastMs: 10_000,
  withinBytes: 1024 * 1024,
  maxMs: 60_000,
};

/** RSS from the portal's metrics and its settled live heap, read through its inspector. */
export async function settledMemory(base, token, inspectorUrl) {
  let heap = Infinity;
  for (let waited = SETTLE.everyMs; waited <= SETTLE.maxMs; waited += SETTLE.everyMs) {
    await sleep(SETTLE.everyMs);
    const now = await heapAfterGc(inspectorUrl);
    const steady = Math.abs(heap - now) < SETTLE.withinBytes;
    heap = now;
    if (steady && waited >= SETTLE.atLeastMs) break;
  }

  return { rss: (await memory(base, token)).rss, heap };
}
