// `npm run sim`: the WHMCS simulator as a process. Settings come from SIM_* variables.
import { DEFAULT_CREDENTIALS, DEMO_ACCOUNTS } from './demo-accounts';
import { parsePlan } from './faults';
import { clientFromEnv } from './oidc/config';
import { startSimulator } from './server';

process.env.NEXT_TELEMETRY_DISABLED = '1';

function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number, got "${raw}"`);

  return value;
}

async function main() {
  const running = await startSimulator({
    port: numberFrom('SIM_PORT', 8400),
    host: process.env.SIM_HOST || '127.0.0.1',
    latencyMs: numberFrom('SIM_LATENCY_MS', 0),
    control: process.env.SIM_CONTROL === '1',
    loadLogins: numberFrom('SIM_LOAD_LOGINS', 0),
    // A JSON fault plan (faults.ts), e.g. {"seed":7,"rules":[{"rate":0.1,"fail":"http503"}]}
    faults: process.env.SIM_FAULTS
      ? parsePlan(JSON.parse(process.env.SIM_FAULTS))
      : undefined,
    seed: process.env.SIM_SEED ? numberFrom('SIM_SEED', 0) : undefined,
    credentials: {
      identifier: process.env.SIM_IDENTIFIER || DEFAULT_CREDENTIALS.identifier,
      secret: process.env.SIM_SECRET || DEFAULT_CREDENTIALS.secret,
    },
    oidc: { clients: [clientFromEnv(process.env)] },
    oidcTestControl: process.env.SIM_OIDC_TEST_CONTROL === '1',
  });
  console.log(`WHMCS simulator listening on ${running.url}/includes/api.php`);
  console.log(`OpenID Connect issuer: ${running.url} (npm run sim:totp: secure@'s code)`);
  console.log(`Demo logins (password ${DEMO_ACCOUNTS[0]?.password}):`);
  for (const account of DEMO_ACCOUNTS)
    console.log(`  ${account.email} - clients ${account.clientIds.join(', ')}`);

  const stop = (signal: string) => {
    console.log(`whmcs-sim: ${signal}, shutting down`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('whmcs-sim: close failed', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('whmcs-sim: failed to start', error);
  process.exit(1);
});
