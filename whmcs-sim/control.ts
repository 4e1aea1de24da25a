// The benchmark's window into a running simulator: how many calls it received,
// by action, and a way to start counting again. Served only when the simulator
// was started with `control: true` (CLI: SIM_CONTROL=1), and only to loopback.
// Other control endpoints (e.g. /__sim/faults) live in files of their own.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Simulator } from './core';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1)$/;

/** `duplicates`: calls that repeated an earlier one exactly (same action and parameters). */
export type CallCount = {
  total: number;
  byAction: Record<string, number>;
  duplicates: number;
};

export function countCalls(sim: Simulator): CallCount {
  const byAction: Record<string, number> = {};
  const seen = new Set<string>();
  let duplicates = 0;
  for (const call of sim.calls) {
    byAction[call.action] = (byAction[call.action] ?? 0) + 1;
    if (seen.has(call.request)) duplicates += 1;
    seen.add(call.request);
  }

  return { total: sim.calls.length, byAction, duplicates };
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

/**
 * Answers `GET /__sim/calls` and `POST /__sim/reset`. Returns false for any
 * other path, so the caller goes on routing it.
 */
export function handleCallsControl(
  req: IncomingMessage,
  res: ServerResponse,
  sim: Simulator,
): boolean {
  const path = new URL(req.url ?? '/', 'http://sim').pathname;
  if (path !== '/__sim/calls' && path !== '/__sim/reset') return false;

  const ip = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  if (!LOOPBACK.test(ip)) {
    reply(res, 403, { error: 'loopback only' });
    return true;
  }
  if (path === '/__sim/calls' && req.method === 'GET') {
    reply(res, 200, countCalls(sim));
  } else if (path === '/__sim/reset' && req.method === 'POST') {
    sim.calls.length = 0;
    reply(res, 200, countCalls(sim));
  } else {
    res.setHeader('allow', path === '/__sim/calls' ? 'GET' : 'POST');
    reply(res, 405, { error: 'method not allowed' });
  }

  return true;
}
