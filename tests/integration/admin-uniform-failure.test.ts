import '../support/next-cookies';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COST } from '@/lib/auth/password-hash';
import { store } from '@/lib/store';
import { postPassword, resetBrowser, resetStore } from '../support/admin';
import { jar } from '../support/next-cookies';
import { configureStaff, STAFF } from '../support/staff';

// A wrong password for a real staff name and any password for a name nobody
// has must look the same from outside: status, headers, body, cookies, and
// time (both run scrypt once at the same cost). Timing is compared as the
// median difference of 20 back-to-back pairs, which holds on a busy machine.

// The production cost: the difference a missing scrypt would make is then
// several times the bound, on any machine.
beforeAll(() => configureStaff(STAFF, DEFAULT_COST));

type Seen = {
  status: number;
  headers: string;
  body: string;
  cookies: string;
  ms: number;
};

async function attempt(username: string): Promise<Seen> {
  resetStore();
  resetBrowser();
  await store().ping();

  const started = performance.now();
  const response = await postPassword(username, 'not the password');
  const ms = performance.now() - started;
  const headers = JSON.stringify([...response.headers].sort());

  return {
    status: response.status,
    headers,
    body: await response.text(),
    cookies: JSON.stringify([...jar.keys()]),
    ms,
  };
}

const TRIES = 20;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

describe('staff sign-in failures', () => {
  it('are identical for a wrong password and an unknown username, timing included', async () => {
    await attempt('olivia');
    await attempt('nobody-here');
    const known: Seen[] = [];
    const unknown: Seen[] = [];
    const gaps: number[] = [];
    for (let i = 0; i < TRIES; i += 1) {
      // Back to back, in alternating order: a slow spell on a busy machine hits both.
      const pair =
        i % 2 === 0
          ? [await attempt('olivia'), await attempt(`nobody-${i}`)]
          : [await attempt(`nobody-${i}`), await attempt('olivia')].reverse();
      const [k, u] = pair as [Seen, Seen];
      known.push(k);
      unknown.push(u);
      gaps.push(k.ms - u.ms);
    }

    const { ms: _a, ...first } = known[0] as Seen;
    for (const seen of [...known, ...unknown]) {
      const { ms: _ms, ...rest } = seen;
      expect(rest).toEqual(first);
    }
    expect(first.status).toBe(303);
    expect(first.headers).toContain('/admin/login?error=invalid');
    expect(Math.abs(median(gaps))).toBeLessThan(50);
    // Both really ran scrypt: neither is a quick refusal.
    expect(median(unknown.map((s) => s.ms))).toBeGreaterThan(20);
  }, 120_000);
});
