// The portal and the simulator for one phase of the benchmark, started on the
// benchmark's own loopback ports and always stopped again, even on failure.
import { once } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { startStack, type Stack } from '../scripts/stack.mjs';

export type Options = {
  latencyMs: number;
  runs: number;
  seconds: number;
  port: number;
  simPort: number;
  rebuild: boolean;
};

async function exited(child: ChildProcess, timeoutMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const timeout = new Promise((resolve) => setTimeout(resolve, timeoutMs).unref());
  await Promise.race([once(child, 'exit'), timeout]);
}

/** Runs `work` against a fresh stack whose simulator waits `latencyMs` per call. */
export async function withStack<T>(
  options: Options,
  latencyMs: number,
  work: (stack: Stack) => Promise<T>,
): Promise<T> {
  console.log(`Starting the simulator (${latencyMs} ms per call) and the portal…`);
  const stack = await startStack({
    port: options.port,
    simPort: options.simPort,
    latencyMs,
    quiet: true,
    // The load comes from one address: lift the per-address request limit.
    extraEnv: { BENCH_ROUTES: '1', REQUEST_LIMIT_PER_MINUTE: '1000000' },
    simEnv: { SIM_CONTROL: '1' },
  });
  const stop = () => {
    stack.stop();
    process.exit(130);
  };
  process.once('SIGINT', stop);
  try {
    return await work(stack);
  } finally {
    process.off('SIGINT', stop);
    stack.stop();
    await Promise.all([exited(stack.portal), exited(stack.sim)]);
  }
}
