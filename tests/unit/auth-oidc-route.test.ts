import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { handleAuthRoute } from '@/lib/auth/oidc/route';

// The route's own gate, with OIDC configured but WHMCS unreachable (port 9):
// only the actions this flow uses get as far as WHMCS at all.

beforeAll(() => {
  Object.assign(process.env, {
    WHMCS_URL: 'http://127.0.0.1:9/',
    WHMCS_OIDC_CLIENT_ID: 'portal',
    WHMCS_OIDC_CLIENT_SECRET: 'client-secret',
    NEXTAUTH_URL: 'http://localhost:3000',
    NEXTAUTH_SECRET: 'test-nextauth-secret-0123456789abcdef0123456789',
    WHMCS_TIMEOUT_MS: '1000',
  });
});

function call(method: string, path: string) {
  const url = new URL(path, 'http://localhost:3000');
  const segments = url.pathname.replace('/api/auth/', '').split('/');
  const req = new NextRequest(url, { method });

  return handleAuthRoute(req, { params: Promise.resolve({ nextauth: segments }) });
}

describe('the /api/auth route with OIDC configured', () => {
  it('answers 404 for next-auth actions and providers this flow does not use', async () => {
    for (const path of [
      '/api/auth/session',
      '/api/auth/signout',
      '/api/auth/signin/github',
    ])
      expect((await call('GET', path)).status, path).toBe(404);
  });

  it('refuses authorization parameters in the sign-in query', async () => {
    const res = await call(
      'POST',
      '/api/auth/signin/whmcs?redirect_uri=https://evil.example',
    );

    expect(res.status).toBe(404);
  });

  it('sends the person back to /login with "try again later" when WHMCS is unreachable', async () => {
    const res = await call('GET', '/api/auth/csrf');

    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?error=unavailable');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
