import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite } from '@/lib/security/csrf';
import { contentSecurityPolicy, newNonce } from '@/lib/security/headers';

const headers = (h: Record<string, string>) => new Headers(h);

describe('cross-site write guard', () => {
  it('refuses a cross-site POST announced by Sec-Fetch-Site', () => {
    expect(isCrossSiteWrite('POST', headers({ 'sec-fetch-site': 'cross-site' }))).toBe(
      true,
    );
  });

  it('refuses a POST from a sibling subdomain', () => {
    expect(isCrossSiteWrite('POST', headers({ 'sec-fetch-site': 'same-site' }))).toBe(
      true,
    );
  });

  it('refuses a POST whose Origin is another host when Sec-Fetch-Site is absent', () => {
    const h = headers({ origin: 'https://evil.example', host: 'portal.example' });

    expect(isCrossSiteWrite('POST', h)).toBe(true);
  });

  it('allows a same-origin POST and any GET', () => {
    expect(isCrossSiteWrite('POST', headers({ 'sec-fetch-site': 'same-origin' }))).toBe(
      false,
    );
    expect(isCrossSiteWrite('GET', headers({ 'sec-fetch-site': 'cross-site' }))).toBe(
      false,
    );
  });
});

describe('content security policy', () => {
  it('uses a fresh nonce each time', () => {
    expect(newNonce()).not.toBe(newNonce());
  });

  it('forbids eval, framing, plugins and base changes outside development', () => {
    const csp = contentSecurityPolicy('abc', false);

    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
  });
});
