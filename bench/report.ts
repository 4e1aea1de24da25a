// The benchmark's results: their shape, the targets judged against
// them, and the table printed at the end of `npm run bench`.
import type { BrowserMetrics } from './browser';
import { judge } from './judge';
import type { RouteJs } from './first-load-js';
import type { LoadResult } from './http';
import type { PageResult } from './pages';
import type { Memory } from './targets';
import { cpuPerRequest, type LoadFigures } from './throughput';

export type Throughput = {
  connections: number;
  dashboard: LoadResult;
  plain: LoadResult;
  /** Dashboard req/s over plain req/s. */
  ratio: number;
  /** Plain CPU per request over dashboard CPU per request (the ratio if CPU-bound). */
  cpuRatio: number;
};

export type Results = {
  startedAt: string;
  command: string;
  commit: string;
  /** 1-minute load average before and after: other work on the machine skews figures. */
  machine: { node: string; cpus: number; loadAverage: { before: number; after: number } };
  latencyMs: number;
  runs: number;
  pages: PageResult[];
  sequential: PageResult;
  browser: BrowserMetrics;
  throughput: Throughput[];
  proxy: LoadFigures['proxy'];
  memory: { idle: Memory; afterLoad: Memory };
  js: RouteJs[];
};

function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((row) => row.map(String))];
  const widths = head.map((_, i) =>
    Math.max(...cells.map((row) => (row[i] ?? '').length)),
  );
  const line = (row: string[]) => row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');

  return [
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.slice(1).map(line),
  ].join('\n');
}

export function render(r: Results): string {
  const calls = (p: PageResult) =>
    Object.entries(p.calls.byAction)
      .map(([a, n]) => (n > 1 ? `${a}×${n}` : a))
      .join(' ');
  const pages = [...r.pages, r.sequential].map((p) => [
    p.path,
    p.statuses.join(','),
    p.ttfbMs.median,
    p.ttfbMs.p95,
    p.completeMs.median,
    p.completeMs.p95,
    p.latencyRatio,
    p.callTotals.max,
    p.duplicates,
    calls(p),
  ]);
  const load = r.throughput.map((t) => [
    t.connections,
    Math.round(t.dashboard.rps),
    Math.round(t.plain.rps),
    `${Math.round(t.ratio * 100)}%`,
    cpuPerRequest(t.dashboard),
    cpuPerRequest(t.plain),
    `${Math.round(t.cpuRatio * 100)}%`,
    t.dashboard.errors + t.plain.errors,
  ]);
  const b = r.browser;

  return [
    `Pages at ${r.latencyMs} ms per WHMCS call, ${r.runs} runs each (ms; ×lat = median complete / latency)`,
    table(
      [
        'page',
        'status',
        'ttfb med',
        'p95',
        'complete med',
        'p95',
        '×lat',
        'calls',
        'dup',
        'actions',
      ],
      pages,
    ),
    '',
    'Throughput at 0 ms simulator latency (req/s; server CPU ms per request)',
    table(
      [
        'conns',
        'dashboard',
        'plain',
        'ratio',
        'cpu dash',
        'cpu plain',
        'cpu ratio',
        'errors',
      ],
      load,
    ),
    '',
    `proxy.ts: protected ${Math.round(r.proxy.protectedRps)} req/s, public ${Math.round(r.proxy.openRps)} req/s, cost ${r.proxy.costPct}% (server CPU ${r.proxy.protectedCpuMs} vs ${r.proxy.openCpuMs} ms/request: ${r.proxy.cpuCostPct}%)`,
    `portal RSS: ${r.memory.idle.rssMb} MB idle, ${r.memory.afterLoad.rssMb} MB after the throughput run (peak ${r.memory.afterLoad.peakRssMb} MB)`,
    `Chromium, dashboard (${b.runs} cold loads, median/worst, ms since navigation): card rows in ${b.cardsMs.median}/${b.cardsMs.max}, every amount in ${b.filledMs.median}/${b.filledMs.max}`,
    `Chromium, dashboard (${b.runs} cold loads, median/worst): LCP ${b.lcpMs.median}/${b.lcpMs.max} ms, CLS ${b.cls.median}/${b.cls.max}, JS ${b.jsTransferredKb.median} kB at 1280×720; LCP ${b.phone.lcpMs.median}/${b.phone.lcpMs.max} ms, CLS ${b.phone.cls.median}/${b.phone.cls.max} at 390×844`,
    '',
    `load average (1 min) ${r.machine.loadAverage.before.toFixed(2)} before, ${r.machine.loadAverage.after.toFixed(2)} after, on ${r.machine.cpus} CPUs`,
    '',
    'Targets (issue #5)',
    table(
      ['target', 'measured', 'met'],
      judge(r).map((t) => [t.name, t.measured, t.met ? 'yes' : 'NO']),
    ),
  ].join('\n');
}
