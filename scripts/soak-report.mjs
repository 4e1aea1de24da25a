// What `npm run soak` found: requests, status counts, portal 5xx that no
// injected WHMCS fault explains, unhandled errors in the portal's output, and
// memory. A 5xx counts as explained only when the portal logged a failed WHMCS
// call under the same request id.

export const LIMITS = { unexplained5xx: 0, unhandledErrors: 0, memoryGrowth: 0.2 };

/** Unhandled errors: Next's error report lines and the portal's own. */
const UNHANDLED = /uncaught|unhandled|^\s*⨯/im;

export function analyse({ responses, output, memory, injected, seconds }) {
  const lines = parseLines(output.stdout);
  const failedCalls = new Set(
    lines
      .filter((l) => l.event === 'whmcs.call' && l.outcome === 'error')
      .map((l) => l.requestId),
  );
  const statuses = {};
  const fivexx = { explained: 0, unexplained: [] };
  for (const r of responses) {
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    if (r.status < 500) continue;
    if (failedCalls.has(r.requestId)) fivexx.explained += 1;
    else fivexx.unexplained.push(`${r.status} ${r.path} ${r.requestId}`);
  }
  const failedRequests = lines.filter((l) => l.event === 'app.request.failed');
  const stderrErrors = output.stderr.split('\n').filter((l) => UNHANDLED.test(l));
  const unhandled = [
    ...failedRequests.map((l) => `${l.route} ${l.error}: ${l.message}`),
    ...stderrErrors,
  ];
  const growth = (memory.end.heap - memory.start.heap) / memory.start.heap;
  const rssGrowth = (memory.end.rss - memory.start.rss) / memory.start.rss;

  return {
    seconds,
    requests: responses.length,
    perSecond: Math.round((responses.length / seconds) * 10) / 10,
    statuses,
    degradedPages: responses.filter((r) => r.degraded).length,
    injectedFaults: injected,
    whmcsCallsFailed: lines.filter(
      (l) => l.event === 'whmcs.call' && l.outcome === 'error',
    ).length,
    portal5xxExplained: fivexx.explained,
    portal5xxUnexplained: fivexx.unexplained,
    unhandledErrors: unhandled,
    latencyMs: percentiles(responses.map((r) => r.ms)),
    memory,
    memoryGrowth: Math.round(growth * 1000) / 1000,
    rssGrowth: Math.round(rssGrowth * 1000) / 1000,
  };
}

export function verdict(report) {
  const problems = [];
  if (report.portal5xxUnexplained.length > LIMITS.unexplained5xx)
    problems.push(
      `${report.portal5xxUnexplained.length} portal 5xx not caused by a fault`,
    );
  if (report.unhandledErrors.length > LIMITS.unhandledErrors)
    problems.push(`${report.unhandledErrors.length} unhandled errors`);
  if (report.memoryGrowth >= LIMITS.memoryGrowth)
    problems.push(`memory grew ${(report.memoryGrowth * 100).toFixed(1)}%`);

  return problems;
}

export function print(report, problems) {
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const { memory } = report;
  console.log(
    `\nsoak: ${report.seconds} s, ${report.requests} requests (${report.perSecond}/s)`,
  );
  console.log(`  status counts: ${JSON.stringify(report.statuses)}`);
  console.log(`  pages with a section degraded: ${report.degradedPages}`);
  console.log(`  WHMCS faults injected: ${JSON.stringify(report.injectedFaults)}`);
  console.log(`  WHMCS calls that failed (after retries): ${report.whmcsCallsFailed}`);
  console.log(
    `  portal 5xx explained by an injected fault: ${report.portal5xxExplained}`,
  );
  console.log(
    `  portal 5xx not caused by an injected fault: ${report.portal5xxUnexplained.length}`,
  );
  for (const line of report.portal5xxUnexplained.slice(0, 5)) console.log(`    ${line}`);
  console.log(`  unhandled errors: ${report.unhandledErrors.length}`);
  for (const line of report.unhandledErrors.slice(0, 5))
    console.log(`    ${line.slice(0, 200)}`);
  console.log(`  latency ms: ${JSON.stringify(report.latencyMs)}`);
  console.log(
    `  memory (portal RSS / live heap after a full GC): cold ${mb(memory.cold.rss)},` +
      ` after warm-up ${mb(memory.start.rss)} / ${mb(memory.start.heap)},` +
      ` end ${mb(memory.end.rss)} / ${mb(memory.end.heap)};` +
      ` live heap growth ${(report.memoryGrowth * 100).toFixed(1)}%,` +
      ` RSS growth ${(report.rssGrowth * 100).toFixed(1)}%`,
  );
  console.log(problems.length ? `soak FAILED: ${problems.join('; ')}` : 'soak passed');
}

function parseLines(text) {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line)];
      } catch {
        return [];
      }
    });
}

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}
