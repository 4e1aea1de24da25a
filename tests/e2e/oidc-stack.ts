import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '../../scripts/stack.mjs';

// A portal and simulator of this spec's own, with the simulator's test-only
// switch that breaks ID tokens turned on (never on in the demo stack), and a
// step-up window of three seconds, so a session goes stale within a test.

export type OidcStack = Awaited<ReturnType<typeof startOidcStack>>;

const port = Number(process.env.E2E_OIDC_PORT ?? 3163);
const simPort = Number(process.env.E2E_OIDC_SIM_PORT ?? 8463);

export async function startOidcStack() {
  // A store of its own: sessions and sign-in limits of other runs stay out.
  const storePath = join(tmpdir(), `kraken-e2e-oidc-${port}-${process.pid}.sqlite`);
  const stack = await startStack({
    port,
    simPort,
    quiet: true,
    simEnv: { SIM_OIDC_TEST_CONTROL: '1' },
    extraEnv: { STORE_SQLITE_PATH: storePath, STEP_UP_MAX_AGE_SECONDS: '3' },
  });

  return {
    url: stack.url,
    simUrl: stack.simUrl,
    stop() {
      stack.stop();
      for (const end of ['', '-wal', '-shm']) rmSync(storePath + end, { force: true });
    },
    async tamper(mode: string) {
      const answer = await fetch(`${stack.simUrl}__sim/oidc/tamper`, {
        method: 'POST',
        body: new URLSearchParams({ mode }),
      });
      if (!answer.ok) throw new Error(`tamper ${mode} refused: ${answer.status}`);
    },
  };
}
