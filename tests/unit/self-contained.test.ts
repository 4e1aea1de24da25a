import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The repository explains itself: comments and docs point into the project's
// own docs (docs/whmcs.md, docs/security.md, docs/decisions.md), never at
// notes that live outside it. Those notes had names and numbered sections, so
// each pattern below is one way of citing them; a hit names file and line.

const OUTSIDE_NOTES: [RegExp, string][] = [
  [/\b(?:DESIGN|PROTOCOL|QUIRKS|STYLE)\.md\b/, 'an outside note by file name'],
  [/\bQUIRKS\b/, 'the outside quirk list'],
  [/\bQ\d{1,2}\b/, 'a numbered outside quirk (Q1, Q12, …)'],
  [/\bPROTOCOL\b\s*§/, 'a section of the outside protocol notes'],
  [/(?:^|[^\w.-])\.\.\/shared\b/, 'the shared folder beside the repository'],
  [/\bshared\/whmcs-api\b/, 'the outside WHMCS API notes'],
  [/\/work\/shared\b/, 'the shared folder by absolute path'],
];

// Not prose: the lockfile, and the WHMCS example answers kept byte for byte
// (base64 images in them can spell anything). This file holds the patterns.
const SKIPPED = [/^package-lock\.json$/, /^tests\/fixtures\//, /(^|\/)node_modules\//];
const SELF = 'tests/unit/self-contained.test.ts';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });

  return out
    .split('\0')
    .filter((file) => file !== '' && file !== SELF && existsSync(join(ROOT, file)))
    .filter((file) => !SKIPPED.some((pattern) => pattern.test(file)));
}

function outsideReferences(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  if (text.includes('\0')) return [];

  return text
    .split('\n')
    .flatMap((line, index) =>
      OUTSIDE_NOTES.filter(([pattern]) => pattern.test(line)).map(
        ([, what]) => `${file}:${index + 1}: ${what}: ${line.trim()}`,
      ),
    );
}

describe('the repository is self-contained', () => {
  const files = trackedFiles();

  it('scans the tracked sources and docs', () => {
    expect(files).toContain('README.md');
    expect(files).toContain('lib/whmcs/wire.ts');
    expect(files).toContain('docs/whmcs.md');
  });

  it('cites no notes kept outside the repository', () => {
    expect(files.flatMap(outsideReferences)).toEqual([]);
  });
});
