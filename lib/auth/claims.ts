import 'server-only';
import { z } from 'zod';
import type { RealmName } from '@/lib/auth/realm';
import { STAFF_ROLES, USERNAME } from '@/lib/env-admin';
import { PERMISSIONS } from '@/lib/whmcs/types';

// What a session token of each realm carries, as schemas: lib/auth/token.ts
// checks every verified token against its realm's.

const common = {
  sid: z.string().min(16),
  jti: z.string().min(16),
  /** When the person signed in (seconds); bounds the session's absolute life. */
  auth: z.number().int().positive(),
  exp: z.number().int(),
  iat: z.number().int(),
};

export const customerClaims = z.object({
  ...common,
  sub: z.string().regex(/^[1-9]\d*$/),
  cid: z.number().int().positive(),
  own: z.boolean(),
  perm: z.array(z.enum(PERMISSIONS)),
  email: z.email(),
});

const adminClaims = z
  .object({
    ...common,
    sub: z.string().regex(USERNAME),
    role: z.enum(STAFF_ROLES),
    /** When the second factor was last entered: at sign-in or at a step-up. */
    mfa: z.number().int().positive(),
  })
  .refine((c) => c.mfa >= c.auth && c.mfa <= c.iat + 60);

export type CustomerClaims = z.infer<typeof customerClaims>;
export type AdminClaims = z.infer<typeof adminClaims>;
export type Claims<N extends RealmName> = {
  customer: CustomerClaims;
  admin: AdminClaims;
}[N];
export type TokenInput<N extends RealmName> = Omit<Claims<N>, 'exp' | 'iat'>;
export type CustomerTokenInput = TokenInput<'customer'>;

export const CLAIMS: { [N in RealmName]: z.ZodType<Claims<N>> } = {
  customer: customerClaims,
  admin: adminClaims,
};
