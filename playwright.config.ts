import { defineConfig } from '@playwright/test';
import { E2E_PORTAL_ENV } from './tests/e2e/limits';
import { STAFF } from './tests/e2e/staff';

// Browser tests drive Debian's Chromium (never a downloaded browser) against the
// production build served by scripts/demo.mjs on loopback ports of its own.
const port = Number(process.env.E2E_PORT ?? 3111);
const simPort = Number(process.env.E2E_SIM_PORT ?? 8411);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.PW_REPORTER ? [[process.env.PW_REPORTER]] : [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node --import tsx scripts/demo.mjs --port=${port} --sim-port=${simPort} --quiet`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    // Every browser test signs in from 127.0.0.1; the limits stay on, just
    // roomier than production's (tests/e2e/limits.ts), and their own tests
    // hit them: tests/e2e/request-limit.spec.ts, tests/integration/proxy.test.ts
    // and the sign-in limit tests under tests/integration.
    // The staff account is fixed too (tests/e2e/staff.ts), instead of made up per run.
    // SIM_CONTROL: the simulator's call counts (GET /__sim/calls), so a test can
    // prove that WHMCS received no write.
    env: {
      ...E2E_PORTAL_ENV,
      SIM_CONTROL: '1',
      SIGN_IN_LIMIT_PER_IP: '200',
      SIGN_IN_LIMIT_PER_ACCOUNT: '40',
      DEMO_ADMIN_PASSWORD: STAFF.password,
      DEMO_ADMIN_TOTP_SECRET: STAFF.totpSecret,
    },
  },
});
