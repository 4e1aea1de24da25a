import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';

const valid = {
  WHMCS_URL: 'https://billing.example.com/',
  WHMCS_API_IDENTIFIER: 'id',
  WHMCS_API_SECRET: 'secret',
  JWT_SECRET: 'c'.repeat(40),
  ADMIN_JWT_SECRET: 'a'.repeat(40),
};

describe('configuration', () => {
  it('accepts a complete configuration and fills in defaults', () => {
    const env = parseEnv(valid);

    expect(env.WHMCS_TIMEOUT_MS).toBe(10_000);
    expect(env.COOKIE_SECURE).toBe('auto');
  });

  it('names a missing required setting in one line', () => {
    const { WHMCS_API_SECRET: _s, ...rest } = valid;

    expect(() => parseEnv(rest)).toThrow(/^Invalid configuration: WHMCS_API_SECRET/);
  });

  it('refuses a session secret shorter than 32 bytes', () => {
    expect(() => parseEnv({ ...valid, JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET.*32 bytes/,
    );
  });

  it('refuses the same secret for both realms', () => {
    expect(() => parseEnv({ ...valid, ADMIN_JWT_SECRET: valid.JWT_SECRET })).toThrow(
      /ADMIN_JWT_SECRET must differ/,
    );
  });

  it('refuses plain http to a remote WHMCS in production', () => {
    const prod = {
      ...valid,
      NODE_ENV: 'production',
      WHMCS_URL: 'http://billing.example.com/',
    };

    expect(() => parseEnv(prod)).toThrow(/WHMCS_URL must use https/);
  });

  it('allows plain http to a loopback WHMCS in production', () => {
    const prod = {
      ...valid,
      NODE_ENV: 'production',
      WHMCS_URL: 'http://127.0.0.1:8400/',
    };

    expect(parseEnv(prod).WHMCS_URL).toBe('http://127.0.0.1:8400/');
  });

  it('refuses the insecure TLS switch in production', () => {
    const prod = { ...valid, NODE_ENV: 'production', WHMCS_INSECURE_TLS: 'true' };

    expect(() => parseEnv(prod)).toThrow(/WHMCS_INSECURE_TLS/);
  });
});
