// Page timings at a fixed simulator latency: for each page, repeated GETs with
// the simulator's call counter reset before each, so every request's WHMCS
// calls are known exactly.
import http from 'node:http';
import { timedGet, type Jar } from './http';
import { ratio, summarize, type Summary } from './stats';

export type CallCount = {
  total: number;
  byAction: Record<string, number>;
  /** Calls that repeated an earlier one exactly (same action and parameters). */
  duplicates: number;
};

export type PageResult = {
  path: string;
  runs: number;
  statuses: number[];
  ttfbMs: Summary;
  completeMs: Summary;
  /** WHMCS calls of the last measured request, by action. */
  calls: CallCount;
  /** Fewest and most WHMCS calls one measured request made. */
  callTotals: { min: number; max: number };
  /** Calls beyond the first of the same action within one request, worst run. */
  duplicates: number;
  /** Median complete time over the simulated latency (1.0: one round trip). */
  latencyRatio: number;
};

export async function simCalls(simUrl: string, reset = false): Promise<CallCount> {
  const response = await fetch(new URL(reset ? '__sim/reset' : '__sim/calls', simUrl), {
    method: reset ? 'POST' : 'GET',
  });
  if (!response.ok) throw new Error(`simulator control answered ${response.status}`);

  return (await response.json()) as CallCount;
}

/** Repeats of the very same call (action and parameters) within one page load. */
function duplicatesIn(calls: CallCount): number {
  return calls.duplicates;
}

export async function measurePage(
  base: { url: string; simUrl: string; latencyMs: number; jar: Jar },
  path: string,
  runs: number,
  warmups = 2,
): Promise<PageResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const ttfb: number[] = [];
  const complete: number[] = [];
  const statuses: number[] = [];
  const totals: number[] = [];
  let calls: CallCount = { total: 0, byAction: {}, duplicates: 0 };
  let duplicates = 0;

  for (let run = -warmups; run < runs; run += 1) {
    await simCalls(base.simUrl, true);
    const timing = await timedGet(`${base.url}${path}`, base.jar, agent);
    // Late calls (after the body ended) would be a bug too; give them a moment.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const counted = await simCalls(base.simUrl);
    if (run < 0) continue;

    ttfb.push(timing.ttfbMs);
    complete.push(timing.totalMs);
    statuses.push(timing.status);
    calls = counted;
    totals.push(counted.total);
    duplicates = Math.max(duplicates, duplicatesIn(counted));
  }
  agent.destroy();
  const completeMs = summarize(complete);

  return {
    path,
    runs,
    statuses: [...new Set(statuses)],
    ttfbMs: summarize(ttfb),
    completeMs,
    calls,
    callTotals: { min: Math.min(...totals), max: Math.max(...totals) },
    duplicates,
    latencyRatio: base.latencyMs > 0 ? ratio(completeMs.median, base.latencyMs) : 0,
  };
}
