// npm run demo — builds the portal if needed, then serves it in production mode
// against the bundled WHMCS simulator and prints where to sign in.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startStack } from './stack.mjs';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const port = Number(args.get('port') ?? process.env.PORT ?? 3000);
const simPort = Number(args.get('sim-port') ?? process.env.SIM_PORT ?? 8400);
const quiet = args.get('quiet') === 'true';

if (!existsSync('.next/BUILD_ID') || args.get('rebuild') === 'true') {
  console.log('Building the portal (first run only)…');
  const build = spawnSync(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'build'],
    {
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const stack = await startStack({ port, simPort, quiet });
const { DEMO_ACCOUNTS } = await import('../whmcs-sim/seed.ts').catch(() => ({
  DEMO_ACCOUNTS: [],
}));

console.log(`\nKraken Portal is running: ${stack.url}/login`);
console.log(`WHMCS simulator: ${stack.simUrl}includes/api.php\n`);
console.log('Demo accounts:');
for (const a of DEMO_ACCOUNTS)
  console.log(`  ${a.email.padEnd(28)} ${a.password}  ${a.description}`);
const { staff } = stack;
console.log(`\nStaff area: ${stack.url}/admin/login`);
console.log(
  `  username ${staff.username}, password ${staff.password} (role ${staff.role})`,
);
console.log(`  then the code from: npm run admin:totp -- ${staff.totpSecret}`);
console.log('  (or add that TOTP secret to an authenticator app: SHA-1, 30 s, 6 digits)');
console.log('\nPress Ctrl+C to stop.');

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stack.stop();
    process.exit(0);
  });
}
