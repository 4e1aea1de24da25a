// npm run bench — how close the portal gets to the WHMCS link's own speed.
// Builds if needed, serves the production build against the simulator on
// loopback, signs in through Chromium, measures, prints a table and writes
// bench/results/<timestamp>.json. Options: --latency=300 --runs=10
// --duration=10 (s per throughput step) --port=3200 --sim-port=8420 --rebuild
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dashboardMetrics, launch, signIn } from './browser';
import { firstLoadJs } from './first-load-js';
import { render, type Results } from './report';
import { measurePage } from './pages';
import { withStack, type Options } from './stacks';
import { measureLoad } from './throughput';
import { pagesToMeasure } from './targets';

const BROWSER_RUNS = 5;

function options(): Options {
  const args = new Map<string, string>();
  for (const arg of process.argv.slice(2)) {
    const [name = '', value = 'true'] = arg.replace(/^--/, '').split('=');
    args.set(name, value);
  }
  const number = (name: string, fallback: number) => Number(args.get(name) ?? fallback);

  return {
    latencyMs: number('latency', 300),
    runs: number('runs', 10),
    seconds: number('duration', 10),
    port: number('port', 3200),
    simPort: number('sim-port', 8420),
    rebuild: args.has('rebuild'),
  };
}

/** A build that has the benchmark's routes; `npm run build` when there is none. */
function ensureBuild(rebuild: boolean) {
  if (!rebuild && existsSync('.next/server/app/bench/open/plain/page.js')) return;
  console.log('Building the portal (npm run build)…');
  const build = spawnSync('npm', ['run', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error('the build failed');
}

/** The commit measured; a copied tree without .git may name it in BENCH_COMMIT. */
function commit(): string {
  try {
    const git = ['rev-parse', '--short', 'HEAD'];
    return execFileSync('git', git, { encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    return process.env.BENCH_COMMIT ?? 'unknown';
  }
}

async function measure(opts: Options) {
  const browser = await launch();
  try {
    const timed = await withStack(opts, opts.latencyMs, async (stack) => {
      const session = await signIn(browser, stack.url);
      const base = {
        ...stack,
        latencyMs: opts.latencyMs,
        jar: { cookie: session.cookie },
      };
      const pages = [];
      for (const path of await pagesToMeasure(stack.simUrl)) {
        console.log(`  ${path}`);
        pages.push(await measurePage(base, path, opts.runs));
      }
      const sequential = await measurePage(base, '/bench/sequential', opts.runs);
      console.log('  Chromium: /dashboard');
      const metrics = await dashboardMetrics(browser, stack.url, session, BROWSER_RUNS);
      return { pages, sequential, browser: metrics };
    });
    const load = await withStack(opts, 0, async (stack) => {
      const session = await signIn(browser, stack.url);
      return measureLoad(stack, { cookie: session.cookie }, opts.seconds);
    });

    return { ...timed, ...load };
  } finally {
    await browser.close();
  }
}

async function main() {
  const opts = options();
  ensureBuild(opts.rebuild);
  const startedAt = new Date().toISOString();
  const loadBefore = os.loadavg()[0] ?? 0;
  const figures = await measure(opts);

  const results: Results = {
    startedAt,
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    commit: commit(),
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      loadAverage: { before: loadBefore, after: os.loadavg()[0] ?? 0 },
    },
    latencyMs: opts.latencyMs,
    runs: opts.runs,
    ...figures,
    js: firstLoadJs('.next'),
  };
  console.log(`\n${render(results)}`);
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${startedAt.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWrote ${file}`);
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});
