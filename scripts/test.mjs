// npm test — every test: unit and integration (Vitest), then the browser tests
// (Playwright in Debian's Chromium) against a production build made with canary
// secrets, so the bundle test can prove none of them reach the browser.
// Prints one closing line: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { freePort } from './stack.mjs';
import { CANARY_ENV } from '../tests/support/canaries.mjs';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const STAMP = '.next/canary-build.json';

function buildIsCurrent() {
  if (!existsSync('.next/BUILD_ID') || !existsSync(STAMP)) return false;
  const built = statSync(STAMP).mtimeMs;
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) =>
      /^(app|components|lib|public)\/|^(proxy|instrumentation|next\.config)\.ts$/.test(f),
    );
  return files.every((f) => !existsSync(f) || statSync(f).mtimeMs < built);
}

function run(cmd, args, extraEnv = {}) {
  return spawnSync(cmd, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...env, ...extraEnv },
  });
}

if (!buildIsCurrent()) {
  console.log('Building with canary secrets…');
  rmSync('.next', { recursive: true, force: true });
  const build = run(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'build'],
    CANARY_ENV,
  );
  if (build.status !== 0) {
    console.log('0 passed, 1 failed, 0 skipped');
    process.exit(1);
  }
  writeFileSync(STAMP, JSON.stringify({ builtAt: new Date().toISOString() }));
}

const counts = { passed: 0, failed: 0, skipped: 0 };

const vitest = run(process.execPath, [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
]);
/** Names of what failed, repeated just above the closing line where a CI log's tail shows them. */
const failures = [];

if (existsSync('test-results/vitest.json')) {
  const r = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  for (const file of r.testResults ?? []) {
    const name = file.name.replace(`${process.cwd()}/`, '');
    if (file.status === 'failed' && file.message)
      failures.push(`${name}: ${file.message}`);
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'failed') failures.push(`${name} › ${t.fullName}`);
    }
  }
  counts.passed += r.numPassedTests;
  const silent = r.numTotalTestSuites > 0 && !r.success && r.numFailedTests === 0;
  if (silent && failures.length === 0)
    failures.push('vitest: an unhandled error outside any test (see its output above)');
  counts.failed += r.numFailedTests + (silent ? 1 : 0);
  counts.skipped += r.numPendingTests + r.numTodoTests;
} else {
  counts.failed += 1;
}

const pw = run(
  process.execPath,
  ['node_modules/@playwright/test/cli.js', 'test', '--reporter=list,json'],
  {
    PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json',
    E2E_PORT: process.env.E2E_PORT ?? String(await freePort()),
    E2E_SIM_PORT: process.env.E2E_SIM_PORT ?? String(await freePort()),
  },
);
if (existsSync('test-results/playwright.json')) {
  const report = JSON.parse(readFileSync('test-results/playwright.json', 'utf8'));
  const s = report.stats;
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'unexpected' || t.status === 'flaky')
          failures.push(`${spec.file}:${spec.line} › ${spec.title} (${t.status})`);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  counts.passed += s.expected;
  counts.failed +=
    s.unexpected + s.flaky + (pw.status !== 0 && s.unexpected === 0 ? 1 : 0);
  counts.skipped += s.skipped;
} else {
  counts.failed += 1;
}

if (failures.length > 0) {
  console.log(`\nFailed (${failures.length}):`);
  for (const line of failures) console.log(`  ${line.split('\n')[0].slice(0, 300)}`);
}
console.log(
  `\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
);
process.exit(counts.failed > 0 || vitest.status !== 0 || pw.status !== 0 ? 1 : 0);
