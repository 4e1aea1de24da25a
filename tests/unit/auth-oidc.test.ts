import { describe, expect, it } from 'vitest';
import { NextRequest, NextResponse } from 'next/server';
import { whmcsSignInFailed } from '@/lib/auth/oidc/complete';
import { portalPath } from '@/lib/auth/oidc/options';
import { finishAuthResponse, handleAuthRoute } from '@/lib/auth/oidc/route';

// The glue around next-auth: landing paths, the response the browser gets,
// and the route when the OIDC settings are absent (this file's env has none).

const BASE = 'http://localhost:3000';

describe('portalPath', () => {
  it('keeps same-origin paths and turns everything else into the dashboard', () => {
    expect(portalPath(`${BASE}/invoices?status=Unpaid`, BASE)).toBe(
      '/invoices?status=Unpaid',
    );
    expect(portalPath('/services/4', BASE)).toBe('/services/4');
    for (const hostile of [
      'https://evil.example/',
      `${BASE}.evil.example/x`,
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      `${BASE}/login`,
    ])
      expect(portalPath(hostile, BASE), hostile).toBe('/dashboard');
  });
});

describe('finishAuthResponse', () => {
  const nextAuthAnswer = () => {
    const headers = new Headers({ location: '/dashboard' });
    headers.append('set-cookie', 'next-auth.state=; Path=/; Max-Age=0');
    headers.append('set-cookie', 'next-auth.session-token=abc; Path=/; HttpOnly');
    headers.append(
      'set-cookie',
      '__Secure-next-auth.session-token.0=def; Path=/; Secure',
    );
    return new Response(null, { status: 302, headers });
  };
  const portalCookie = {
    name: 'kp_session',
    value: 'token',
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
  };

  it('drops next-auth session cookies and keeps its other cookies', () => {
    const out = finishAuthResponse(nextAuthAnswer(), [], []);

    const lines = out.headers.getSetCookie();
    expect(lines.some((l) => l.includes('session-token'))).toBe(false);
    const state = lines.find((l) => l.startsWith('next-auth.state='));
    expect(state).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(out.status).toBe(302);
    expect(out.headers.get('location')).toBe('/dashboard');
    expect(out.headers.get('cache-control')).toBe('no-store');
  });

  it("keeps next-auth's cookie deletions when Next.js serializes them again", () => {
    const out = finishAuthResponse(nextAuthAnswer(), [portalCookie], []);

    const again = new NextResponse(null, { headers: out.headers });
    again.cookies.set('other', 'x');

    const state = again.headers
      .getSetCookie()
      .find((l) => l.startsWith('next-auth.state='));
    expect(state).toMatch(/Expires=Thu, 01 Jan 1970/);
  });

  it('adds the portal cookie with its flags', () => {
    const out = finishAuthResponse(nextAuthAnswer(), [portalCookie], []);

    const line = out.headers.getSetCookie().find((l) => l.startsWith('kp_session='));
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=lax/i);
  });

  it('expires a next-auth session cookie the browser still holds', () => {
    const out = finishAuthResponse(
      nextAuthAnswer(),
      [],
      [{ name: 'next-auth.session-token' }],
    );

    const line = out.headers.getSetCookie().find((l) => l.includes('session-token'));
    expect(line).toMatch(/^next-auth\.session-token=;.*Expires=Thu, 01 Jan 1970/i);
  });
});

describe('the /api/auth route without OIDC settings', () => {
  it('answers 404 for every next-auth action', async () => {
    for (const action of ['csrf', 'signin', 'callback', 'providers']) {
      const req = new NextRequest(`${BASE}/api/auth/${action}`);

      const res = await handleAuthRoute(req, {
        params: Promise.resolve({ nextauth: [action] }),
      });

      expect(res.status, action).toBe(404);
    }
  });
});

describe('whmcsSignInFailed', () => {
  it('recognises next-auth and portal failure codes only', () => {
    expect(whmcsSignInFailed('OAuthCallback')).toBe(true);
    expect(whmcsSignInFailed('whmcs')).toBe(true);
    expect(whmcsSignInFailed('invalid')).toBe(false);
    expect(whmcsSignInFailed(['OAuthCallback'])).toBe(false);
  });
});
