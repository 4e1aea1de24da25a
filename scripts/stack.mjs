// Starts the WHMCS simulator and the built portal side by side, for the demo,
// the browser tests and the benchmark. Everything listens on loopback only.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { demoStaff } from './demo-staff.mjs';

// Appends the TCP peer to X-Forwarded-For, as production's `npm start` does.
const PEER_ADDRESS = pathToFileURL(resolve('server/peer-address.mjs')).href;

/** A loopback port nothing listens on right now (other runs may share this machine). */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const DEMO_IDENTIFIER = 'kraken-demo-identifier';
export const DEMO_SECRET = 'kraken-demo-secret';
// "Sign in with WHMCS": the simulator's OIDC client, registered for this portal.
export const DEMO_OIDC_CLIENT_ID = 'kraken-portal-demo';
export const DEMO_OIDC_CLIENT_SECRET = 'kraken-demo-oidc-secret-0123456789';

const secret = () => randomBytes(48).toString('base64');

async function waitFor(url, child, name, timeoutMs = 60_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with code ${child.exitCode}`);
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await sleep(200);
    }
  }
  throw new Error(`${name} did not answer at ${url} within ${timeoutMs} ms`);
}

// The build is `output: 'standalone'`, served the way production serves it:
// `node .next/standalone/server.js`, with the static assets copied beside it.
function standaloneServer() {
  const root = '.next/standalone';
  if (!existsSync(`${root}/server.js`))
    throw new Error('No standalone build: run `npm run build`.');
  cpSync('.next/static', `${root}/.next/static`, { recursive: true });
  if (existsSync('public')) cpSync('public', `${root}/public`, { recursive: true });
  return `${root}/server.js`;
}

/** A new, empty sqlite store per run, so every demo and test run starts signed out. */
function freshStoreFile(port) {
  mkdirSync('data', { recursive: true });
  const file = resolve(`data/stack-${port}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  return file;
}

export async function startStack({
  port = 3000,
  simPort = 8400,
  latencyMs = 0,
  quiet = false,
  extraEnv = {},
  simEnv = {},
  pipePortal = false,
}) {
  if (!existsSync('.next/BUILD_ID'))
    throw new Error('No production build: run `npm run build` first.');
  const stdio = quiet ? 'ignore' : 'inherit';
  const base = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  const url = `http://localhost:${port}`;
  const staff = demoStaff();

  const sim = spawn(process.execPath, ['--import', 'tsx', 'whmcs-sim/main.ts'], {
    stdio,
    env: {
      ...base,
      SIM_PORT: String(simPort),
      SIM_HOST: '127.0.0.1',
      SIM_LATENCY_MS: String(latencyMs),
      SIM_OIDC_CLIENT_ID: DEMO_OIDC_CLIENT_ID,
      SIM_OIDC_CLIENT_SECRET: DEMO_OIDC_CLIENT_SECRET,
      SIM_OIDC_REDIRECT_URIS: `${url}/api/auth/callback/whmcs`,
      ...simEnv,
    },
  });
  const simUrl = `http://127.0.0.1:${simPort}/`;
  await waitFor(`${simUrl}includes/api.php`, sim, 'WHMCS simulator');

  // pipePortal: the caller reads the portal's log lines from portal.stdout/stderr.
  const portal = spawn(process.execPath, ['--import', PEER_ADDRESS, standaloneServer()], {
    stdio: pipePortal ? ['ignore', 'pipe', 'pipe'] : stdio,
    env: {
      ...base,
      PORT: String(port),
      // The standalone server changes into its own folder: give the store an absolute path.
      STORE_SQLITE_PATH: freshStoreFile(port),
      HOSTNAME: '127.0.0.1',
      NODE_ENV: 'production',
      WHMCS_URL: simUrl,
      WHMCS_API_IDENTIFIER: DEMO_IDENTIFIER,
      WHMCS_API_SECRET: DEMO_SECRET,
      JWT_SECRET: secret(),
      ADMIN_JWT_SECRET: secret(),
      WHMCS_OIDC_CLIENT_ID: DEMO_OIDC_CLIENT_ID,
      WHMCS_OIDC_CLIENT_SECRET: DEMO_OIDC_CLIENT_SECRET,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: secret(),
      ADMIN_USERS: staff.adminUsers,
      ADMIN_USERS_FILE: '',
      ...extraEnv,
    },
  });
  await waitFor(`http://127.0.0.1:${port}/api/health`, portal, 'portal');

  const stop = () => {
    for (const child of [portal, sim]) if (child.exitCode === null) child.kill('SIGTERM');
  };
  return { url, simUrl, sim, portal, stop, staff };
}
