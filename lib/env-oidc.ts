import 'server-only';
import { z } from 'zod';

// The settings of "Sign in with WHMCS" (WHMCS's OpenID Connect provider via
// next-auth), checked with the rest of lib/env.ts. All optional together: with
// no client id and secret the button is hidden and /api/auth/* answers 404.

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An unset variable and an empty line in an env file mean the same. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const OIDC_FIELDS = {
  WHMCS_OIDC_CLIENT_ID: optional(z.string().max(256)),
  WHMCS_OIDC_CLIENT_SECRET: optional(z.string().max(512)),
  // Defaults to WHMCS_URL: the issuer is the WHMCS root.
  WHMCS_OIDC_ISSUER: optional(z.url({ error: 'WHMCS_OIDC_ISSUER must be a URL' })),
  NEXTAUTH_URL: optional(
    z.url({ error: 'NEXTAUTH_URL must be the portal’s public URL' }),
  ),
  NEXTAUTH_SECRET: optional(z.string()),
};

type OidcEnv = {
  NODE_ENV: string;
  WHMCS_URL: string;
  JWT_SECRET: string;
  ADMIN_JWT_SECRET: string;
  WHMCS_OIDC_CLIENT_ID?: string;
  WHMCS_OIDC_CLIENT_SECRET?: string;
  WHMCS_OIDC_ISSUER?: string;
  NEXTAUTH_URL?: string;
  NEXTAUTH_SECRET?: string;
};

type Issue = { path: keyof OidcEnv; message: string };

/** http is fine for loopback; anywhere else production demands https. */
function plainHttpInProduction(env: OidcEnv, value: string): boolean {
  const url = new URL(value);
  return (
    env.NODE_ENV === 'production' &&
    url.protocol !== 'https:' &&
    !LOOPBACK.has(url.hostname)
  );
}

/** What is wrong with the OIDC settings; next-auth itself would accept an http issuer silently. */
export function oidcIssues(env: OidcEnv): Issue[] {
  const id = env.WHMCS_OIDC_CLIENT_ID;
  const secret = env.WHMCS_OIDC_CLIENT_SECRET;
  if (!id && !secret) return [];

  const issues: Issue[] = [];
  const need = (path: keyof OidcEnv, message: string) => issues.push({ path, message });
  if (!id)
    need('WHMCS_OIDC_CLIENT_ID', 'WHMCS_OIDC_CLIENT_ID is required with a client secret');
  if (!secret)
    need(
      'WHMCS_OIDC_CLIENT_SECRET',
      'WHMCS_OIDC_CLIENT_SECRET is required with a client id',
    );
  if (!env.NEXTAUTH_URL)
    need('NEXTAUTH_URL', 'NEXTAUTH_URL is required for Sign in with WHMCS');
  const key = env.NEXTAUTH_SECRET;
  if (!key || Buffer.byteLength(key) < 32)
    need(
      'NEXTAUTH_SECRET',
      'NEXTAUTH_SECRET must be at least 32 bytes (openssl rand -base64 48)',
    );
  if (key && (key === env.JWT_SECRET || key === env.ADMIN_JWT_SECRET))
    need(
      'NEXTAUTH_SECRET',
      'NEXTAUTH_SECRET must differ from JWT_SECRET and ADMIN_JWT_SECRET',
    );
  if (plainHttpInProduction(env, env.WHMCS_OIDC_ISSUER ?? env.WHMCS_URL))
    need(
      'WHMCS_OIDC_ISSUER',
      'the OIDC issuer must use https in production (http only to loopback)',
    );
  if (env.NEXTAUTH_URL && plainHttpInProduction(env, env.NEXTAUTH_URL))
    need(
      'NEXTAUTH_URL',
      'NEXTAUTH_URL must use https in production (http only to loopback)',
    );

  return issues;
}
