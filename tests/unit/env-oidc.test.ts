import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';

// "Sign in with WHMCS" settings: all or nothing, a strong separate next-auth
// secret, and https in production, which next-auth itself never demands.

const base = {
  WHMCS_URL: 'https://billing.example.com/',
  WHMCS_API_IDENTIFIER: 'id',
  WHMCS_API_SECRET: 'secret',
  JWT_SECRET: 'c'.repeat(40),
  ADMIN_JWT_SECRET: 'a'.repeat(40),
};
const oidc = {
  ...base,
  WHMCS_OIDC_CLIENT_ID: 'portal',
  WHMCS_OIDC_CLIENT_SECRET: 'client-secret',
  NEXTAUTH_URL: 'https://portal.example.com',
  NEXTAUTH_SECRET: 'n'.repeat(40),
};
const production = { ...oidc, NODE_ENV: 'production' };

describe('OIDC configuration', () => {
  it('is optional: without a client id and secret nothing else is needed', () => {
    const env = parseEnv({ ...base, WHMCS_OIDC_CLIENT_ID: '', NEXTAUTH_URL: '' });

    expect(env.WHMCS_OIDC_CLIENT_ID).toBeUndefined();
  });

  it('accepts a complete https configuration in production', () => {
    expect(parseEnv(production).WHMCS_OIDC_CLIENT_ID).toBe('portal');
  });

  it('wants the client id and secret together', () => {
    expect(() => parseEnv({ ...oidc, WHMCS_OIDC_CLIENT_SECRET: '' })).toThrow(
      /WHMCS_OIDC_CLIENT_SECRET is required/,
    );
  });

  it('wants NEXTAUTH_URL and a NEXTAUTH_SECRET of at least 32 bytes', () => {
    expect(() => parseEnv({ ...oidc, NEXTAUTH_URL: undefined })).toThrow(/NEXTAUTH_URL/);
    expect(() => parseEnv({ ...oidc, NEXTAUTH_SECRET: 'short' })).toThrow(
      /NEXTAUTH_SECRET must be at least 32 bytes/,
    );
  });

  it('refuses a NEXTAUTH_SECRET equal to either session secret', () => {
    for (const same of [base.JWT_SECRET, base.ADMIN_JWT_SECRET])
      expect(() => parseEnv({ ...oidc, NEXTAUTH_SECRET: same })).toThrow(
        /NEXTAUTH_SECRET must differ/,
      );
  });

  it('refuses an http issuer in production, also when it defaults to WHMCS_URL', () => {
    const issuer = { ...production, WHMCS_OIDC_ISSUER: 'http://whmcs.example.com' };
    const inherited = { ...production, WHMCS_URL: 'http://whmcs.example.com/' };

    expect(() => parseEnv(issuer)).toThrow(/WHMCS_OIDC_ISSUER.*https/);
    expect(() => parseEnv(inherited)).toThrow(/https/);
  });

  it('allows http to a loopback issuer and portal (the demo), and anywhere in development', () => {
    const loopback = {
      ...production,
      WHMCS_OIDC_ISSUER: 'http://127.0.0.1:8400',
      NEXTAUTH_URL: 'http://localhost:3000',
    };
    const dev = { ...oidc, WHMCS_OIDC_ISSUER: 'http://whmcs.test' };

    expect(parseEnv(loopback).WHMCS_OIDC_ISSUER).toBe('http://127.0.0.1:8400');
    expect(parseEnv(dev).WHMCS_OIDC_ISSUER).toBe('http://whmcs.test');
  });

  it('refuses an http NEXTAUTH_URL in production', () => {
    expect(() =>
      parseEnv({ ...production, NEXTAUTH_URL: 'http://portal.example.com' }),
    ).toThrow(/NEXTAUTH_URL must use https/);
  });
});
