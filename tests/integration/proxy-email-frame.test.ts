import { NextRequest } from 'next/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { EMAIL_BODY_CSP, isEmailBodyPath } from '@/lib/security/headers';
import { proxy } from '@/proxy';

// proxy.ts lets exactly one kind of answer be framed by the portal: an email's
// HTML at /account/emails/<id>/body, under a policy that loads and runs
// nothing. Every other path, look-alikes included, keeps frame-ancestors 'none'.

let address = 1;
const request = (path: string) =>
  new NextRequest(`http://localhost:3000${path}`, {
    headers: { 'x-forwarded-for': `198.51.100.${address++}` },
  });

beforeEach(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('kraken.store')];
});

describe('the email body path', () => {
  it('gets the email policy and may be framed by the portal only', async () => {
    const response = await proxy(request('/account/emails/393/body'));

    expect(response.headers.get('content-security-policy')).toBe(EMAIL_BODY_CSP);
    expect(EMAIL_BODY_CSP).toContain("default-src 'none'");
    expect(EMAIL_BODY_CSP).toContain("frame-ancestors 'self'");
    expect(EMAIL_BODY_CSP).toMatch(/(^|; )sandbox($|;)/);
    expect(EMAIL_BODY_CSP).not.toMatch(/script-src|allow-/);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    '/account/emails/%33%39%33/body',
    '/account/emails/39%33/body',
    '/account/emails/393/%62ody',
    '/account/emails/393%2Fbody',
  ])('%s, an encoded spelling, still gets the email policy', async (path) => {
    const response = await proxy(request(path));

    expect(response.headers.get('content-security-policy')).toBe(EMAIL_BODY_CSP);
  });

  it('serves an email only at the exact spelling, which is what proxy.ts matched', () => {
    expect(isEmailBodyPath('/account/emails/393/body')).toBe(true);
    expect(isEmailBodyPath('/account/emails/%33%39%33/body')).toBe(false);
    expect(isEmailBodyPath('/account/emails/393/%62ody')).toBe(false);
  });

  it.each([
    '/account/emails/393',
    '/account/emails',
    '/account/emails/393/body/more',
    '/account/emails/393/bodyx',
    '/account/emails/0393/body',
    '/account/emails/abc/body',
    '/account/emails/393/body.html',
    '/x/account/emails/393/body',
    '/account/emails/12345678901/body',
    '/invoices/393',
  ])('%s keeps the portal policy and refuses every frame', async (path) => {
    const response = await proxy(request(path));
    const csp = response.headers.get('content-security-policy') ?? '';

    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("'strict-dynamic'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});
