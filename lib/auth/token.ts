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
    .sign(realm.secret());

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

  try {
    const { payload } = await jwtVerify(token, realm.secret(), {
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

    return claims.data;
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
