import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startStack } from '../../scripts/stack.mjs';
import { E2E_PORTAL_ENV } from './limits';

// A portal and simulator of this spec's own, with the simulator's test-only
// switch that breaks ID tokens turned on (never on in the demo stack), and a
// step-up window of three seconds, so a session goes stale within a test.

export type OidcStack = Awaited<ReturnType<typeof startOidcStack>>;

export async function startOidcStack() {
  // Ports nothing else listens on: fixed ones would meet another run's stack.
  const [port, simPort] = [await freePort(), await freePort()];
  // A store of its own: sessions and sign-in limits of other runs stay out.
  const storePath = join(tmpdir(), `kraken-e2e-oidc-${port}-${process.pid}.sqlite`);
  const stack = await startStack({
    port,
    simPort,
    quiet: true,
    simEnv: { SIM_OIDC_TEST_CONTROL: '1' },
    extraEnv: {
      ...E2E_PORTAL_ENV,
      STORE_SQLITE_PATH: storePath,
      STEP_UP_MAX_AGE_SECONDS: '3',
    },
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
