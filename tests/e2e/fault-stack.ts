import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { freePort, startStack } from '../../scripts/stack.mjs';
import { E2E_PORTAL_ENV } from './limits';
import { PASSWORD } from './support';

// A portal and simulator of a test file's own, with the simulator's control
// endpoints on and the portal's log lines collected, for the browser tests that
// switch WHMCS faults on and read what the portal logged about them.

export type FaultPlan = { seed?: number; rules: Record<string, unknown>[] };
export type LogLine = Record<string, unknown> & { event?: string; requestId?: string };

export async function startFaultStack(env: Record<string, string> = {}) {
  const [port, simPort] = [await freePort(), await freePort()];
  const simEnv = { SIM_CONTROL: '1', ...pick(env, /^SIM_/) };
  // A store of its own: sign-in limits and sessions of other runs stay out.
  const storePath = join(tmpdir(), `kraken-e2e-${port}-${process.pid}.sqlite`);
  const portalEnv = {
    ...E2E_PORTAL_ENV,
    WHMCS_TIMEOUT_MS: '1500',
    STORE_SQLITE_PATH: storePath,
    ...pick(env, /^(?!SIM_)/),
  };
  const options = { port, simPort, quiet: true, pipePortal: true, simEnv };
  const stack = await startStack({ ...options, extraEnv: portalEnv });
  const stdout: string[] = [];
  const stderr: string[] = [];
  stack.portal.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk.toString()));
  stack.portal.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const control = `${stack.simUrl}__sim`;
  type FaultState = { injected: Record<string, number>; load: { peak: number } };
  const faultState = async () =>
    (await (await fetch(`${control}/faults`)).json()) as FaultState;

  return {
    url: `http://localhost:${port}`,
    /** The simulator's root, ending in a slash. */
    simUrl: stack.simUrl,
    stop() {
      stack.stop();
      for (const end of ['', '-wal', '-shm']) rmSync(storePath + end, { force: true });
    },
    /** Every JSON line the portal wrote to stdout so far. */
    logs(): LogLine[] {
      return stdout
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as LogLine);
    },
    /** Everything the portal wrote, both streams, as text. */
    output: () => stdout.join('') + stderr.join(''),
    async setFaults(plan: FaultPlan) {
      const response = await fetch(`${control}/faults`, {
        method: 'PUT',
        body: JSON.stringify(plan),
      });
      if (!response.ok) throw new Error(`fault plan refused: ${await response.text()}`);
    },
    clearFaults: () => fetch(`${control}/faults`, { method: 'DELETE' }),
    /** How many calls each fault broke since the plan was set. */
    injected: async () => (await faultState()).injected,
    /** The most WHMCS calls the simulator was answering at once since the plan was set. */
    peakInFlight: async () => (await faultState()).load.peak,
    async calls(): Promise<{ total: number; byAction: Record<string, number> }> {
      return (await fetch(`${control}/calls`)).json();
    },
    /** The id of client 1's first record in a list answer, asked of the simulator directly. */
    async firstId(action: string, list: string, params: Record<string, string>) {
      const body = new URLSearchParams({
        action,
        identifier: env.SIM_IDENTIFIER ?? 'kraken-demo-identifier',
        secret: env.SIM_SECRET ?? 'kraken-demo-secret',
        responsetype: 'json',
        ...params,
      });
      const answer = (await (
        await fetch(`${stack.simUrl}includes/api.php`, {
          method: 'POST',
          body,
        })
      ).json()) as Record<string, Record<string, { id: string | number }[]>>;
      const row = Object.values(answer[list] ?? {})[0]?.[0];
      if (!row) throw new Error(`no ${list} for ${JSON.stringify(params)}`);
      return Number(row.id);
    },
  };
}

export type FaultStack = Awaited<ReturnType<typeof startFaultStack>>;

/** One signed-in page for a whole file: signing in per test would meet the sign-in limits. */
export async function signedInPage(browser: Browser, stack: FaultStack, email: string) {
  const context = await browser.newContext({ baseURL: stack.url });
  const page: Page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  return page;
}

function pick(env: Record<string, string>, pattern: RegExp): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([key]) => pattern.test(key)));
}

/** Words of WHMCS, of the fault layer and of stack traces that no page may show. */
export const LEAKS = [
  /Invalid IP/i,
  /Authentication Failed/i,
  /Invalid Permissions/i,
  /Down for Maintenance/i,
  /PHP Notice/i,
  /getinvoices|getclients|getticket|validatelogin/i,
  /Whmcs\w*Error/,
  /timeout after \d+ms|not json|html page|circuit open|http 50\d/i,
  /\bat (async )?[\w.<>]+ \(/,
  /node_modules|\.next\/server/,
];
