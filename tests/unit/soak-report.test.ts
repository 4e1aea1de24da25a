import { describe, expect, it } from 'vitest';
import { analyse, verdict } from '../../scripts/soak-report.mjs';

// The soak's verdict on synthetic runs: what counts against the portal.

const memory = (start: number, end: number) => ({
  cold: { rss: 100, heap: 40 },
  start: { rss: 200, heap: start },
  end: { rss: 210, heap: end },
});
const line = (fields: object) => JSON.stringify(fields);
const ok = { path: '/dashboard', status: 200, requestId: 'a', degraded: false, ms: 5 };

function run(overrides: Partial<Parameters<typeof analyse>[0]> = {}) {
  return analyse({
    responses: [ok],
    output: { stdout: '', stderr: '' },
    memory: memory(50, 50),
    injected: {},
    seconds: 1,
    ...overrides,
  });
}

describe('the soak verdict', () => {
  it('passes a clean run', () => {
    expect(verdict(run())).toEqual([]);
  });

  it('blames a 5xx on a fault only when that request logged a failed WHMCS call', () => {
    const responses = [
      { ...ok, status: 502, requestId: 'faulted' },
      { ...ok, status: 500, requestId: 'bug' },
    ];
    const stdout = line({ event: 'whmcs.call', outcome: 'error', requestId: 'faulted' });

    const report = run({ responses, output: { stdout, stderr: '' } });

    expect(report.portal5xxExplained).toBe(1);
    expect(report.portal5xxUnexplained).toEqual(['500 /dashboard bug']);
    expect(verdict(report)).toEqual(['1 portal 5xx not caused by a fault']);
  });

  it('counts unhandled errors from the log and from Next’s error output', () => {
    const stdout = line({ event: 'app.request.failed', route: '/x', error: 'TypeError' });
    const stderr =
      ' ⨯ Error: boom\nunhandledRejection: nope\nDebugger listening on ws://x';

    const report = run({ output: { stdout, stderr } });

    expect(report.unhandledErrors).toHaveLength(3);
  });

  it('fails a run whose live heap grew by a fifth or more', () => {
    expect(verdict(run({ memory: memory(50, 60) }))).toEqual(['memory grew 20.0%']);
    expect(verdict(run({ memory: memory(50, 59) }))).toEqual([]);
  });
});
