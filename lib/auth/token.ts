import 'server-only';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { PERMISSIONS } from '@/lib/whmcs/types';
import { ISSUER, type Realm } from '@/lib/auth/realm';

// Session tokens: HS256 only, issuer, audience and type pinned, every claim
// checked by schema. A token that fails any check is simply "no session".

const ALG = 'HS256';

const customerClaims = z.object({
  sub: z.string().regex(/^[1-9]\d*$/),
  sid: z.string().min(16),
  jti: z.string().min(16),
  cid: z.number().int().positive(),
  own: z.boolean(),
  perm: z.array(z.enum(PERMISSIONS)),
  email: z.email(),
  auth: z.number().int().positive(),
  exp: z.number().int(),
  iat: z.number().int(),
});

export type CustomerClaims = z.infer<typeof customerClaims>;

export type CustomerTokenInput = Omit<CustomerClaims, 'exp' | 'iat'>;

export async function signCustomerToken(
  realm: Realm,
  input: CustomerTokenInput,
  now = Date.now(),
): Promise<{ token: string; expiresAt: number }> {
  const iat = Math.floor(now / 1000);
  const absoluteEnd = input.auth + realm.absoluteTtlSeconds;
  const exp = Math.min(iat + realm.accessTtlSeconds, absoluteEnd);
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
export async function verifyCustomerToken(
  realm: Realm,
  token: string | undefined,
  now = Date.now(),
  expiredGraceSeconds = 0,
): Promise<CustomerClaims | null> {
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
    const claims = customerClaims.safeParse(payload);
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
