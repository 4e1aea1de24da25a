import { SignJWT, base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { ISSUER, REALMS } from '@/lib/auth/realm';
import { signCustomerToken, verifyCustomerToken } from '@/lib/auth/token';

const customer = REALMS.customer;
const now = Date.UTC(2026, 11, 4, 12, 0, 0);
const nowSeconds = Math.floor(now / 1000);

const input = {
  sub: '7',
  sid: 'sid-0123456789abcdef',
  jti: 'jti-0123456789abcdef',
  cid: 42,
  own: true,
  perm: [],
  email: 'alice@kraken.example',
  auth: nowSeconds,
};

async function forge(
  claims: Record<string, unknown>,
  key = customer.secret(),
  typ = 'customer+jwt',
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ })
    .setIssuer(ISSUER)
    .setAudience(customer.audience)
    .setJti('jti-0123456789abcdef')
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + 600)
    .sign(key);
}

describe('customer session tokens', () => {
  it('accepts a token it signed and returns its claims', async () => {
    const { token } = await signCustomerToken(customer, input, now);

    const claims = await verifyCustomerToken(customer, token, now);

    expect(claims).toMatchObject({ sub: '7', cid: 42, own: true, email: input.email });
  });

  it('refuses a token whose signature was altered', async () => {
    const { token } = await signCustomerToken(customer, input, now);
    const [head, body, sig = ''] = token.split('.');
    const flipped = `${head}.${body}.${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}`;

    expect(await verifyCustomerToken(customer, flipped, now)).toBeNull();
  });

  it('refuses an unsigned alg:none token', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'customer+jwt' }));
    const body = base64url.encode(
      JSON.stringify({
        ...input,
        iss: ISSUER,
        aud: customer.audience,
        jti: 'x'.repeat(20),
        iat: nowSeconds,
        exp: nowSeconds + 600,
      }),
    );

    expect(await verifyCustomerToken(customer, `${header}.${body}.`, now)).toBeNull();
  });

  it('refuses a token signed with the staff realm secret', async () => {
    const token = await forge(input, REALMS.admin.secret());

    expect(await verifyCustomerToken(customer, token, now)).toBeNull();
  });

  it('refuses a staff token on the customer realm', async () => {
    const { token } = await signCustomerToken(REALMS.admin, input, now);

    expect(await verifyCustomerToken(customer, token, now)).toBeNull();
  });

  it('refuses an expired token', async () => {
    const { token } = await signCustomerToken(customer, input, now);

    expect(await verifyCustomerToken(customer, token, now + 16 * 60 * 1000)).toBeNull();
  });

  it('refuses a token past the absolute session lifetime even if freshly signed', async () => {
    const old = { ...input, auth: nowSeconds - customer.absoluteTtlSeconds - 1 };
    const token = await forge(old);

    expect(await verifyCustomerToken(customer, token, now)).toBeNull();
  });

  it('refuses a token with a missing claim', async () => {
    const { cid: _cid, ...withoutClient } = input;
    const token = await forge(withoutClient);

    expect(await verifyCustomerToken(customer, token, now)).toBeNull();
  });

  it('refuses a token for another audience', async () => {
    const token = await new SignJWT(input)
      .setProtectedHeader({ alg: 'HS256', typ: 'customer+jwt' })
      .setIssuer(ISSUER)
      .setAudience('someone-else')
      .setJti('jti-0123456789abcdef')
      .setIssuedAt(nowSeconds)
      .setExpirationTime(nowSeconds + 600)
      .sign(customer.secret());

    expect(await verifyCustomerToken(customer, token, now)).toBeNull();
  });

  it('refuses a token with the wrong type header', async () => {
    const token = await forge(input, customer.secret(), 'JWT');

    expect(await verifyCustomerToken(customer, token, now)).toBeNull();
  });

  it('treats garbage and oversize values as no session', async () => {
    expect(await verifyCustomerToken(customer, 'not-a-token', now)).toBeNull();
    expect(await verifyCustomerToken(customer, 'a'.repeat(5000), now)).toBeNull();
    expect(await verifyCustomerToken(customer, undefined, now)).toBeNull();
  });

  it('refuses a correctly signed token that claims to live for ten years', async () => {
    const token = await new SignJWT(input)
      .setProtectedHeader({ alg: 'HS256', typ: 'customer+jwt' })
      .setIssuer(ISSUER)
      .setAudience(customer.audience)
      .setJti('jti-0123456789abcdef')
      .setIssuedAt(nowSeconds)
      .setExpirationTime(nowSeconds + 10 * 365 * 86400)
      .sign(customer.secret());

    expect(await verifyCustomerToken(customer, token, now)).toBeNull();
  });

  it('refuses a token issued in the future', async () => {
    const { token } = await signCustomerToken(customer, input, now + 3600_000);

    expect(await verifyCustomerToken(customer, token, now)).toBeNull();
  });
});
