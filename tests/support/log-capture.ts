import { Writable } from 'node:stream';
import pino from 'pino';
import { vi } from 'vitest';

// Every log line the code under test writes, as text and parsed. Use it in a
// test file with:
//   vi.mock('@/lib/log', async () => (await import('../support/log-capture')).logModule());
// The logger has the portal's redaction (lib/log.ts) unless `plain` is asked for.

export const lines: string[] = [];

export type Line = Record<string, unknown> & { event?: string };

export function parsed(): Line[] {
  return lines.map((line) => JSON.parse(line) as Line);
}

export function events(name: string): Line[] {
  return parsed().filter((line) => line.event === name);
}

export function clearLines(): void {
  lines.length = 0;
}

const sink = () =>
  new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });

/** A stand-in for '@/lib/log' whose lines land in `lines`. */
export async function logModule(options: { plain?: boolean } = {}) {
  const real = await vi.importActual<typeof import('@/lib/log')>('@/lib/log');
  const logger = options.plain
    ? pino({ level: 'trace' }, sink())
    : real.createLogger('trace', sink());

  return { ...real, log: () => logger };
}
