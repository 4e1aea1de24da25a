// npm run soak -- --seconds N --sessions M --fault-rate F [--seed S] [--log FILE]
// Starts the simulator (with its control endpoints) and the production build on
// free loopback ports, signs in M sessions (alice, sam through the account
// picker and contractor in turn; past the portal's five sessions per person,
// customers the simulator opens for load runs), switches on a random share F of
// WHMCS faults and browses every page each login may see for N seconds. Prints requests,
// status counts, portal 5xx not caused by a fault, unhandled errors and memory;
// exits 1 when one of them is over its limit (soak-report.mjs). Stops by itself.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { analyse, print, verdict } from './soak-report.mjs';
import { areasIn, createSession, detailsIn } from './soak-session.mjs';
import {
  control,
  freePort,
  loginsFor,
  memory as memoryOf,
  parseArgs,
  settledMemory,
} from './soak-tools.mjs';
import { startStack } from './stack.mjs';

const args = parseArgs(process.argv.slice(2));
const SECONDS = Number(args.seconds ?? 60);
const SESSIONS = Number(args.sessions ?? 20);
const FAULT_RATE = Number(args['fault-rate'] ?? 0.1);
const SEED = Number(args.seed ?? 4);
// Transient faults only: misconfiguration is an operator's problem, not load.
const FAULTS = [
  'timeout',
  'http500',
  'http502',
  'http503',
  'html',
  'truncated',
  'malformed',
];
// Memory: see settledMemory() in soak-tools.mjs.
const WARMUP_S = Math.min(30, SECONDS / 4);
const WATCHDOG_MS = (SECONDS + 420) * 1000;

if (typeof WebSocket === 'undefined')
  throw new Error('run with node --experimental-websocket (as `npm run soak` does)');
if (!(SECONDS > 0 && SESSIONS > 0 && FAULT_RATE >= 0 && FAULT_RATE <= 1))
  throw new Error('usage: --seconds N>0 --sessions M>0 --fault-rate 0..1');

let stack;
const watchdog = setTimeout(() => {
  console.error('soak: watchdog fired, stopping');
  stack?.stop();
  process.exit(2);
}, WATCHDOG_MS);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stack?.stop();
    process.exit(130);
  });
}
const METRICS_TOKEN = randomBytes(32).toString('hex');
const [port, simPort] = [await freePort(), await freePort()];
stack = await startStack({
  port,
  simPort,
  quiet: true,
  pipePortal: true,
  simEnv: { SIM_CONTROL: '1', SIM_LOAD_LOGINS: String(SESSIONS) },
  extraEnv: {
    TRUSTED_PROXY_HOPS: '1',
    WHMCS_TIMEOUT_MS: '2000',
    LOG_LEVEL: 'info',
    METRICS_TOKEN,
    NODE_OPTIONS: '--inspect=127.0.0.1:0',
  },
});
const output = { stdout: '', stderr: '' };
stack.portal.stdout.on('data', (chunk) => (output.stdout += chunk));
stack.portal.stderr.on('data', (chunk) => (output.stderr += chunk));

try {
  const report = await run(`http://127.0.0.1:${port}`);
  if (args.log) writeFileSync(args.log, output.stdout + output.stderr);
  const problems = verdict(report);
  print(report, problems);
  process.exitCode = problems.length ? 1 : 0;
} finally {
  stack.stop();
  clearTimeout(watchdog);
}

async function run(base) {
  const responses = [];
  const record = ({ path, response, body, ms }) =>
    responses.push({
      path,
      status: response.status,
      requestId: response.headers.get('x-request-id'),
      degraded: body.includes('couldn’t load'),
      ms,
    });
  const cold = await memoryOf(base, METRICS_TOKEN);
  const emails = await loginsFor(stack.simUrl, SESSIONS);
  const sessions = [];
  for (const [i, email] of emails.entries()) {
    const address = `10.77.${i >> 8}.${i & 255}`;
    const session = createSession(base, email, address, record);
    sessions.push({ session, areas: areasIn(await session.signIn()), details: [] });
  }
  await Promise.all(sessions.map((s) => pass(s)));

  await control(stack.simUrl, 'PUT', {
    seed: SEED,
    rules: [{ rate: FAULT_RATE, fail: FAULTS }],
  });
  const warmUntil = Date.now() + WARMUP_S * 1000;
  await Promise.all(sessions.map((s, i) => browse(s, warmUntil, i)));
  const start = await snapshot(base);
  const deadline = Date.now() + (SECONDS - WARMUP_S) * 1000;
  await Promise.all(sessions.map((s, i) => browse(s, deadline, i + 1)));
  const end = await snapshot(base);
  const injected = (await control(stack.simUrl, 'GET')).injected;
  await control(stack.simUrl, 'DELETE');
  const memory = { cold, start, end };

  return analyse({ responses, output, memory, injected, seconds: SECONDS });
}

function snapshot(base) {
  const inspector = /ws:\/\/127\.0\.0\.1:\d+\/[\w-]+/.exec(output.stderr)?.[0];
  if (!inspector) throw new Error('the portal did not open its inspector');
  return settledMemory(base, METRICS_TOKEN, inspector);
}

/** One visit to every page of the session, collecting detail links. */
async function pass(s) {
  for (const path of s.areas) {
    const page = await s.session.get(path);
    if (path !== '/dashboard') s.details.push(...detailsIn(page.body));
  }
}

async function browse(s, deadline, index) {
  const paths = [...s.areas, ...s.details, '/api/health'];
  for (let n = index; Date.now() < deadline; n += 1) {
    await s.session.get(paths[n % paths.length]);
    await sleep(50 + ((n * 37) % 150));
  }
}
