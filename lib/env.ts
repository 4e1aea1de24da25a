import 'server-only';
import { z } from 'zod';
import { ADMIN_FIELDS, loadStaff } from '@/lib/env-admin';
import { OIDC_FIELDS, oidcIssues } from '@/lib/env-oidc';

// The one reader of process.env. Parsed once, on first use; instrumentation.ts
// calls it at start-up so a bad setting stops the server before it serves.

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const secret = (name: string) =>
  z
    .string({ error: `${name} is required (generate one: openssl rand -base64 48)` })
    .refine((v) => Buffer.byteLength(v) >= 32, `${name} must be at least 32 bytes`);

/** An optional setting; an empty value (`NAME=` in a .env file) counts as unset. */
const optional = <T extends z.ZodType>(type: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), type.optional());

const flag = z
  .enum(['0', '1', 'true', 'false'])
  .default('false')
  .transform((v) => v === '1' || v === 'true');

type StoreEnv = {
  STORE: 'sqlite' | 'redis';
  REDIS_URL?: string;
  UPSTASH_REDIS_REST_URL?: string;
  UPSTASH_REDIS_REST_TOKEN?: string;
};

/** STORE=redis reaches Redis over TCP (REDIS_URL) or Upstash over REST (the pair). */
function checkStore(env: StoreEnv, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message });
  const upstash = [env.UPSTASH_REDIS_REST_URL, env.UPSTASH_REDIS_REST_TOKEN].filter(
    Boolean,
  );
  if (upstash.length === 1) {
    const [given, missing] = env.UPSTASH_REDIS_REST_URL
      ? (['URL', 'TOKEN'] as const)
      : (['TOKEN', 'URL'] as const);
    const name = (part: string) => `UPSTASH_REDIS_REST_${part}`;
    issue(name(missing), `${name(missing)} is required with ${name(given)}`);
  }
  if (env.STORE !== 'redis') return;

  if (!env.REDIS_URL && upstash.length === 0) {
    issue('STORE', 'STORE=redis needs REDIS_URL or UPSTASH_REDIS_REST_URL and _TOKEN');
  }
  if (env.REDIS_URL && upstash.length > 0) {
    issue('REDIS_URL', 'REDIS_URL and the UPSTASH_REDIS_REST_* pair exclude each other');
  }
}

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    WHMCS_URL: z.url({ error: 'WHMCS_URL must be the URL of your WHMCS installation' }),
    WHMCS_API_IDENTIFIER: z.string({ error: 'WHMCS_API_IDENTIFIER is required' }).min(1),
    WHMCS_API_SECRET: z.string({ error: 'WHMCS_API_SECRET is required' }).min(1),
    WHMCS_ACCESS_KEY: z.string().min(1).optional(),
    WHMCS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    WHMCS_INSECURE_TLS: flag,
    WHMCS_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(500).default(16),
    WHMCS_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
    WHMCS_BREAKER_THRESHOLD: z.coerce.number().int().min(1).max(1_000).default(5),
    WHMCS_BREAKER_COOLDOWN_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(600_000)
      .default(30_000),
    METRICS_TOKEN: optional(secret('METRICS_TOKEN')),
    ALERT_WEBHOOK_URL: optional(z.url({ error: 'ALERT_WEBHOOK_URL must be a URL' })),
    ALERT_WEBHOOK_SECRET: optional(secret('ALERT_WEBHOOK_SECRET')),
    JWT_SECRET: secret('JWT_SECRET'),
    ADMIN_JWT_SECRET: secret('ADMIN_JWT_SECRET'),
    COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    SIGN_IN_LIMIT_PER_IP: z.coerce.number().int().min(1).max(100_000).default(20),
    SIGN_IN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).max(100_000).default(10),
    REQUEST_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
    // How recent a sign-in must be for sensitive customer actions; at most ten minutes.
    STEP_UP_MAX_AGE_SECONDS: z.coerce.number().int().min(1).max(600).default(600),
    ACCOUNT_CACHE_SECONDS: z.coerce.number().int().min(0).max(600).default(60),
    STORE: z.enum(['sqlite', 'redis']).default('sqlite'),
    STORE_SQLITE_PATH: z.string().min(1).default('data/portal.sqlite'),
    STORE_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(2_000),
    REDIS_URL: optional(
      z.url({
        protocol: /^rediss?$/,
        error: 'REDIS_URL must be a redis:// or rediss:// URL',
      }),
    ),
    UPSTASH_REDIS_REST_URL: optional(
      z.url({
        protocol: /^https$/,
        error: 'UPSTASH_REDIS_REST_URL must be an https URL',
      }),
    ),
    UPSTASH_REDIS_REST_TOKEN: optional(z.string()),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    // Benchmark only: serves the /bench/* routes (404 without it). Never on a live portal.
    BENCH_ROUTES: flag,
    ...OIDC_FIELDS,
    ...ADMIN_FIELDS,
  })
  .superRefine((env, ctx) => {
    checkStore(env, ctx);
    for (const { path, message } of oidcIssues(env))
      ctx.addIssue({ code: 'custom', path: [path], message });
    const url = new URL(env.WHMCS_URL);
    const production = env.NODE_ENV === 'production';
    if (production && url.protocol !== 'https:' && !LOOPBACK.has(url.hostname)) {
      ctx.addIssue({
        code: 'custom',
        path: ['WHMCS_URL'],
        message: 'WHMCS_URL must use https in production (plain http only to loopback)',
      });
    }
    if (production && env.WHMCS_INSECURE_TLS) {
      ctx.addIssue({
        code: 'custom',
        path: ['WHMCS_INSECURE_TLS'],
        message: 'WHMCS_INSECURE_TLS is for development only and refused in production',
      });
    }
    const hook = env.ALERT_WEBHOOK_URL ? new URL(env.ALERT_WEBHOOK_URL) : null;
    if (hook && !env.ALERT_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['ALERT_WEBHOOK_SECRET'],
        message: 'ALERT_WEBHOOK_SECRET is required with ALERT_WEBHOOK_URL',
      });
    }
    if (
      hook &&
      production &&
      hook.protocol !== 'https:' &&
      !LOOPBACK.has(hook.hostname)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['ALERT_WEBHOOK_URL'],
        message: 'ALERT_WEBHOOK_URL must use https in production',
      });
    }
    if (env.BENCH_ROUTES && !LOOPBACK.has(url.hostname)) {
      ctx.addIssue({
        code: 'custom',
        path: ['BENCH_ROUTES'],
        message:
          'BENCH_ROUTES serves unauthenticated pages: only against a loopback WHMCS',
      });
    }
    if (env.JWT_SECRET === env.ADMIN_JWT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['ADMIN_JWT_SECRET'],
        message: 'ADMIN_JWT_SECRET must differ from JWT_SECRET',
      });
    }
  })
  .transform((env, ctx) => {
    const loaded = loadStaff(env);
    if ('staff' in loaded) return { ...env, STAFF: loaded.staff };
    ctx.issues.push({
      code: 'custom',
      path: [loaded.path],
      message: loaded.message,
      input: env,
    });
    return z.NEVER;
  });

export type Env = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses a settings map; throws one ConfigError line naming the first bad setting. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;

  const issue = result.error.issues[0];
  const name = issue?.path.join('.') || 'configuration';
  const detail = issue?.message ?? 'invalid';
  const message = detail.includes(name) ? detail : `${name}: ${detail}`;
  throw new ConfigError(`Invalid configuration: ${message}`);
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
