import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NextRequest } from 'next/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

// The request gate, called the way Next.js calls it. A low request limit, and
// each request from its own address unless a test says otherwise.
process.env.REQUEST_LIMIT_PER_MINUTE = '5';
let nextAddress = 1;

function request(
  path: string,
  init: { method?: string; headers?: Record<string, string> } = {},
) {
  return new NextRequest(`http://localhost:3000${path}`, {
    method: init.method ?? 'GET',
    headers: { 'x-forwarded-for': `203.0.113.${nextAddress++}`, ...init.headers },
  });
}

function* routeFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* routeFiles(path);
    else if (name === 'route.ts') yield path;
  }
}

/** Every route handler that accepts a state-changing method, as a URL path. */
const WRITE_ROUTES = [...routeFiles('app')]
  .filter((f) =>
    /export (async )?(function|const) (POST|PUT|PATCH|DELETE)\b/.test(
      readFileSync(f, 'utf8'),
    ),
  )
  .map((f) =>
    f
      .replace(/^app/, '')
      .replace(/\/route\.ts$/, '')
      .replace(/\/\([^)]*\)/g, '')
      .replace(/\[\.\.\.[^\]]+\]/, 'callback/whmcs'),
  );

beforeEach(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('kraken.store')];
});

describe('proxy.ts', () => {
  it('sends a signed-out visitor to sign-in, keeping the path as next=', async () => {
    const response = await proxy(request('/invoices?status=Unpaid'));

    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(
      'http://localhost:3000/login?next=%2Finvoices%3Fstatus%3DUnpaid',
    );
  });

  it('puts the security headers and a request id on every answer', async () => {
    const response = await proxy(request('/login'));

    expect(response.headers.get('content-security-policy')).toContain("'strict-dynamic'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a cross-site POST', async () => {
    const response = await proxy(
      request('/dashboard', {
        method: 'POST',
        headers: { 'sec-fetch-site': 'cross-site' },
      }),
    );

    expect(response.status).toBe(403);
  });

  it('does not pass spoofed internal headers on to the app', async () => {
    const response = await proxy(
      request('/login', { headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy' } }),
    );

    const passed = response.headers.get('x-middleware-override-headers') ?? '';
    expect(passed.split(',')).not.toContain('x-middleware-subrequest');
    expect(
      response.headers.get('x-middleware-request-x-middleware-subrequest'),
    ).toBeNull();
  });

  it('answers 429 with Retry-After past the per-address request limit', async () => {
    const same = { 'x-forwarded-for': '192.0.2.77' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push((await proxy(request('/login', { headers: same }))).status);
    }
    const other = await proxy(
      request('/login', { headers: { 'x-forwarded-for': '198.51.100.1' } }),
    );

    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[5]).toBe(429);
    expect(other.status).toBe(200);
  });

  it('finds the state-changing route handlers', () => {
    expect(WRITE_ROUTES).toContain('/api/auth/password');
    expect(WRITE_ROUTES).toContain('/api/sign-out');
  });

  it.each(WRITE_ROUTES)('refuses a cross-site POST to %s', async (path) => {
    const response = await proxy(
      request(path, {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      }),
    );

    expect(response.status).toBe(403);
  });

  it.each(['/dashboard', '/account/security', '/select-account', '/admin/security'])(
    'refuses a cross-site server-action POST to the page %s',
    async (path) => {
      const response = await proxy(
        request(path, {
          method: 'POST',
          headers: { origin: 'https://evil.example', 'next-action': 'abc' },
        }),
      );

      expect(response.status).toBe(403);
    },
  );
});
