import 'server-only';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import {
  CLAIMS,
  customerClaims,
  type Claims,
  type CustomerClaims,
  type CustomerTokenInput,
  type TokenInput,
} from '@/lib/auth/claims';
import { ISSUER, type Realm, type RealmName } from '@/lib/auth/realm';

export type {
  AdminClaims,
  Claims,
  CustomerClaims,
  CustomerTokenInput,
  TokenInput,
} from '@/lib/auth/claims';

// Session tokens of both realms: HS256 only, issuer, audience and type pinned,
// every claim checked by the realm's schema. A token that fails any check is
// simply "no session".

const ALG = 'HS256';

type Signable = { sub: string; jti: string; auth: number } & Record<string, unknown>;
type Verified = { auth: number; exp: number; iat: number };

// Every request is checked twice, by proxy.ts and by the page's guard, and a
// token is presented for minutes: two things are kept in the process, shared
// by the proxy's and the pages' bundles through globalThis.
// - The realm's key, imported once per secret rather than once per check.
// - Each token that passed, with the window of times in which it passes: a
//   check's time rules (expiry with its grace, the absolute lifetime, issued
//   not in the future) only ever accept a token from some moment until some
//   later one, so a token that passed at `from` passes at any time from then
//   until `until`. Keyed by the token itself, the realm, the claims schema and
//   the grace; tied to the key object, so a changed secret starts afresh.
//   Refusals are not kept.
const MAX_VERIFIED = 10_000;

type KeyEntry = { secret: Uint8Array; key: Promise<CryptoKey> };
type Passed = {
  key: Promise<CryptoKey>;
  schema: z.ZodType<unknown>;
  claims: unknown;
  from: number;
  until: number;
};
type TokenCaches = { keys: Map<string, KeyEntry>; passed: Map<string, Passed> };

const CACHES = Symbol.for('kraken.tokenCaches');
const holder = globalThis as typeof globalThis & { [CACHES]?: TokenCaches };
const caches = () => (holder[CACHES] ??= { keys: new Map(), passed: new Map() });

/** The realm's HMAC key, imported once for as long as its secret stays the same. */
function keyOf(realm: Realm): Promise<CryptoKey> {
  const secret = realm.secret();
  const { keys } = caches();
  const known = keys.get(realm.name);
  if (known && Buffer.from(known.secret).equals(secret)) return known.key;

  const key = crypto.subtle.importKey(
    'raw',
    Uint8Array.from(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  keys.set(realm.name, { secret, key });
  return key;
}

function remember(id: string, entry: Passed): void {
  const { passed } = caches();
  passed.delete(id);
  if (passed.size >= MAX_VERIFIED) {
    for (const [old, { until }] of passed) if (until <= entry.from) passed.delete(old);
    if (passed.size >= MAX_VERIFIED) passed.delete(passed.keys().next().value as string);
  }
  passed.set(id, entry);
}

async function sign(realm: Realm, input: Signable, now: number) {
  const iat = Math.floor(now / 1000);
  const exp = Math.min(
    iat + realm.accessTtlSeconds,
    input.auth + realm.absoluteTtlSeconds,
  );
  const { sub, jti, ...claims } = input;
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: ALG, typ: `${realm.name}+jwt` })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience(realm.audience)
    .setJti(jti)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(await keyOf(realm));

  return { token, expiresAt: exp };
}

/**
 * `expiredGraceSeconds` lets a token that expired that recently through, for
 * one purpose only: presenting it to be refreshed against its live record.
 */
async function verify<C extends Verified>(
  realm: Realm,
  schema: z.ZodType<C>,
  token: string | undefined,
  now: number,
  expiredGraceSeconds: number,
): Promise<C | null> {
  if (!token || token.length > 4096) return null;
  const key = keyOf(realm);
  const id = `${realm.name}\n${expiredGraceSeconds}\n${token}`;
  const known = caches().passed.get(id);
  if (known && known.key === key && known.schema === schema) {
    if (known.from <= now && now < known.until) return known.claims as C;
  }

  try {
    const { payload } = await jwtVerify(token, await key, {
      algorithms: [ALG],
      issuer: ISSUER,
      audience: realm.audience,
      typ: `${realm.name}+jwt`,
      currentDate: new Date(now),
      clockTolerance: expiredGraceSeconds,
      requiredClaims: ['sub', 'exp', 'iat', 'jti'],
    });
    const claims = schema.safeParse(payload);
    if (!claims.success) return null;
    const nowSec = Math.floor(now / 1000);
    const { auth, iat, exp } = claims.data;
    if (auth + realm.absoluteTtlSeconds <= nowSec) return null;
    // We never sign tokens that live longer than the realm allows or come from the future.
    if (exp - iat > realm.accessTtlSeconds || iat > nowSec + 60 || auth > iat + 60)
      return null;

    const until =
      Math.min(exp + expiredGraceSeconds, auth + realm.absoluteTtlSeconds) * 1000;
    const passed = Object.freeze(claims.data);
    remember(id, { key, schema, claims: passed, from: now, until });
    return passed;
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}

/** Signs a token for `realm` with that realm's claims. */
export function signToken<N extends RealmName>(
  realm: Realm<N>,
  input: TokenInput<N>,
  now = Date.now(),
): Promise<{ token: string; expiresAt: number }> {
  return sign(realm, input, now);
}

/** The claims of a valid token of `realm`, checked by that realm's schema, or null. */
export function verifyToken<N extends RealmName>(
  realm: Realm<N>,
  token: string | undefined,
  now = Date.now(),
  expiredGraceSeconds = 0,
): Promise<Claims<N> | null> {
  return verify(realm, CLAIMS[realm.name], token, now, expiredGraceSeconds);
}

// The customer shape under any realm's keys: tests sign one with the staff
// realm to prove the customer realm refuses it.
export function signCustomerToken(
  realm: Realm,
  input: CustomerTokenInput,
  now = Date.now(),
) {
  return sign(realm, input, now);
}

export function verifyCustomerToken(
  realm: Realm,
  token: string | undefined,
  now = Date.now(),
  expiredGraceSeconds = 0,
): Promise<CustomerClaims | null> {
  return verify(realm, customerClaims, token, now, expiredGraceSeconds);
}
