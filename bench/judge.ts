// The targets (#5), judged against a benchmark's results. They are
// reported, never turned into timed tests.
import { JS_BUDGET } from './js-budget';
import type { PageResult } from './pages';
import type { Results } from './report';

export type Target = { name: string; measured: string; met: boolean };

const isDetail = (path: string) => /\/\d+$/.test(path);

export function judge(r: Results): Target[] {
  const page = (path: string) => r.pages.find((p) => p.path === path);
  const dashboard = page('/dashboard');
  const fastShell = r.pages.filter((p) => !isDetail(p.path));
  const details = r.pages.filter((p) => isDetail(p.path));
  const worst = (list: PageResult[]) => Math.max(...list.map((p) => p.ttfbMs.p95));
  const lowest = Math.min(...r.throughput.map((t) => t.ratio));
  const lowestCpu = Math.min(...r.throughput.map((t) => t.cpuRatio));
  const js = r.js.find((j) => j.route === '/dashboard')?.totalKb ?? Number.NaN;

  return [
    target(
      'TTFB p95, dashboard and lists < 100 ms',
      `${worst(fastShell)} ms`,
      worst(fastShell) < 100,
    ),
    target(
      `TTFB p95, detail pages < one WHMCS call + 100 ms (${r.latencyMs + 100} ms)`,
      `${worst(details)} ms`,
      worst(details) < r.latencyMs + 100,
    ),
    target(
      'complete dashboard (median) < 1.2 × latency',
      `${dashboard?.latencyRatio} ×`,
      (dashboard?.latencyRatio ?? Infinity) < 1.2,
    ),
    target(
      'no duplicate WHMCS calls in a request',
      `${r.pages.reduce((n, p) => n + p.duplicates, 0)} duplicates`,
      r.pages.every((p) => p.duplicates === 0),
    ),
    target(
      'signed-in throughput ≥ 85% of plain page',
      `${Math.round(lowest * 100)}% (lowest; by CPU ${Math.round(lowestCpu * 100)}%)`,
      lowest >= 0.85,
    ),
    target(
      'proxy cost < 10%',
      `${r.proxy.costPct}% (by CPU ${r.proxy.cpuCostPct}%)`,
      r.proxy.costPct < 10,
    ),
    target(
      `dashboard JS < ${JS_BUDGET.dashboardTargetKb} kB gzip`,
      `${js} kB`,
      js < JS_BUDGET.dashboardTargetKb,
    ),
    target(
      'layout shift < 0.05 (worst run, laptop and phone)',
      `${r.browser.cls.max} / ${r.browser.phone.cls.max}`,
      Math.max(r.browser.cls.max, r.browser.phone.cls.max) < 0.05,
    ),
  ];
}

function target(name: string, measured: string, met: boolean): Target {
  return { name, measured, met };
}
