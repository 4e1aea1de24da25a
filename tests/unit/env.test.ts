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

describe('store configuration', () => {
  const upstash = {
    UPSTASH_REDIS_REST_URL: 'https://eu1-example.upstash.io',
    UPSTASH_REDIS_REST_TOKEN: 'token',
  };

  it('defaults to the sqlite file under data/ with a 2 s limit per call', () => {
    const env = parseEnv(valid);

    expect(env).toMatchObject({
      STORE: 'sqlite',
      STORE_SQLITE_PATH: 'data/portal.sqlite',
      STORE_TIMEOUT_MS: 2_000,
    });
  });

  it('accepts redis over TCP or over the Upstash REST API', () => {
    const tcp = parseEnv({
      ...valid,
      STORE: 'redis',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    const rest = parseEnv({ ...valid, STORE: 'redis', ...upstash });

    expect(tcp.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(rest.UPSTASH_REDIS_REST_TOKEN).toBe('token');
  });

  it('refuses STORE=redis with no way to reach Redis', () => {
    expect(() => parseEnv({ ...valid, STORE: 'redis', REDIS_URL: '' })).toThrow(
      /^Invalid configuration: STORE=redis needs REDIS_URL/,
    );
  });

  it('refuses both ways to reach Redis at once', () => {
    const both = {
      ...valid,
      STORE: 'redis',
      REDIS_URL: 'redis://127.0.0.1:6379',
      ...upstash,
    };

    expect(() => parseEnv(both)).toThrow(/REDIS_URL and the UPSTASH_REDIS_REST_\* pair/);
  });

  it('refuses an Upstash REST URL that is not https, or half of the pair', () => {
    const http = { ...upstash, UPSTASH_REDIS_REST_URL: 'http://eu1-example.upstash.io' };

    expect(() => parseEnv({ ...valid, ...http })).toThrow(
      /UPSTASH_REDIS_REST_URL.*https/,
    );
    expect(() =>
      parseEnv({ ...valid, UPSTASH_REDIS_REST_URL: upstash.UPSTASH_REDIS_REST_URL }),
    ).toThrow(/UPSTASH_REDIS_REST_TOKEN is required with UPSTASH_REDIS_REST_URL/);
  });

  it('refuses a REDIS_URL that is not redis:// or rediss://', () => {
    const wrong = { ...valid, STORE: 'redis', REDIS_URL: 'http://127.0.0.1:6379' };

    expect(() => parseEnv(wrong)).toThrow(/REDIS_URL must be a redis:\/\//);
  });

  it('refuses the benchmark routes against a WHMCS that is not on loopback', () => {
    expect(() => parseEnv({ ...valid, BENCH_ROUTES: 'true' })).toThrow(/BENCH_ROUTES/);
  });
});
