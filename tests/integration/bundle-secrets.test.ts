import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANARY_ENV } from '../support/canaries.mjs';

// npm test builds the portal with canary values in every secret setting
// (scripts/test.mjs); none of them may appear in what browsers download.

const STAMP = '.next/canary-build.json';

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

describe('the client bundle', () => {
  it('was built with canary secrets (run `npm test`, which makes that build)', () => {
    expect(existsSync(STAMP), `${STAMP} is missing`).toBe(true);
  });

  it.each(Object.entries(CANARY_ENV).filter(([name]) => name !== 'WHMCS_URL'))(
    'contains no trace of %s',
    (_name, canary) => {
      const leaks = [...files('.next/static')].filter((f) =>
        readFileSync(f).includes(Buffer.from(canary)),
      );

      expect(leaks).toEqual([]);
    },
  );
});
