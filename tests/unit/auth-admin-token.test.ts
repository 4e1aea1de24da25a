import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { ISSUER, REALMS } from '@/lib/auth/realm';
import { signCustomerToken, signToken, verifyToken } from '@/lib/auth/token';

// Staff tokens: the same checks as customer tokens under the admin realm's
// own secret, audience, type, lifetimes and claims (role, second-factor time).

const admin = REALMS.admin;
const customer = REALMS.customer;
const now = Date.UTC(2026, 11, 4, 12, 0, 0);
const t = Math.floor(now / 1000);

const input = {
  sub: 'olivia',
  sid: 'sid-0123456789abcdef',
  jti: 'jti-0123456789abcdef',
  role: 'owner' as const,
  auth: t,
  mfa: t,
};

function forge(claims: Record<string, unknown>, key = admin.secret(), typ = 'admin+jwt') {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ })
    .setIssuer(ISSUER)
    .setAudience(admin.audience)
    .setJti('jti-0123456789abcdef')
    .setIssuedAt(t)
    .setExpirationTime(t + 300)
    .sign(key);
}

describe('staff session tokens', () => {
  it('accepts a token it signed, with the role and second-factor time', async () => {
    const { token, expiresAt } = await signToken(admin, input, now);

    const claims = await verifyToken(admin, token, now);

    expect(claims).toMatchObject({ sub: 'olivia', role: 'owner', mfa: t, auth: t });
    expect(expiresAt).toBe(t + 5 * 60);
  });

  it('refuses a token signed with the customer secret', async () => {
    expect(
      await verifyToken(admin, await forge(input, customer.secret()), now),
    ).toBeNull();
  });

  it('refuses a customer token in the staff realm, and a staff token in the customer realm', async () => {
    const customerInput = {
      sub: '7',
      sid: input.sid,
      jti: input.jti,
      cid: 1,
      own: true,
      perm: [],
      email: 'a@kraken.example',
      auth: t,
    };
    const customerToken = (await signCustomerToken(customer, customerInput, now)).token;
    const adminToken = (await signToken(admin, input, now)).token;

    expect(await verifyToken(admin, customerToken, now)).toBeNull();
    expect(await verifyToken(customer, adminToken, now)).toBeNull();
  });

  it('refuses a token after its five minutes', async () => {
    const { token } = await signToken(admin, input, now);

    expect(await verifyToken(admin, token, now + 5 * 60_000 + 1_000)).toBeNull();
  });

  it('refuses a forged signature', async () => {
    const { token } = await signToken(admin, input, now);
    const [head, body] = token.split('.');

    expect(await verifyToken(admin, `${head}.${body}.${'A'.repeat(43)}`, now)).toBeNull();
  });

  it.each([
    ['an unknown role', { role: 'root' }],
    ['no role', { role: undefined }],
    ['a second factor before the sign-in', { mfa: t - 10 }],
    ['a second factor in the future', { mfa: t + 600 }],
    ['a username that is no username', { sub: '../olivia' }],
  ])('refuses a correctly signed token with %s', async (_what, change) => {
    const { sub, ...claims } = { ...input, ...change };
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'admin+jwt' })
      .setSubject(sub)
      .setIssuer(ISSUER)
      .setAudience(admin.audience)
      .setIssuedAt(t)
      .setExpirationTime(t + 300)
      .sign(admin.secret());

    expect(await verifyToken(admin, token, now)).toBeNull();
  });

  it('refuses a staff token past the four-hour absolute lifetime', async () => {
    const old = { ...input, auth: t - 4 * 3600, mfa: t - 4 * 3600 };

    expect(await verifyToken(admin, await forge(old), now)).toBeNull();
  });
});
