import { describe, expect, it, vi } from 'vitest';
import { REALMS, type Realm } from '@/lib/auth/realm';
import {
  signCustomerToken,
  signToken,
  verifyCustomerToken,
  verifyToken,
} from '@/lib/auth/token';

// A token that passed is remembered (proxy.ts and the guard both check every
// request); remembering must never accept what checking again would refuse.

const customer = REALMS.customer;
const now = Date.UTC(2026, 11, 4, 12, 0, 0);
const nowSeconds = Math.floor(now / 1000);
const minutes = (n: number) => n * 60_000;

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

describe('remembered session tokens', () => {
  it('passes a token again without a second signature check', async () => {
    const { token } = await signCustomerToken(customer, input, now);
    const verify = vi.spyOn(crypto.subtle, 'verify');
    const sign = vi.spyOn(crypto.subtle, 'sign');

    const first = await verifyCustomerToken(customer, token, now);
    const checks = verify.mock.calls.length + sign.mock.calls.length;
    const again = await verifyCustomerToken(customer, token, now + 1000);

    expect(checks).toBeGreaterThan(0);
    expect(verify.mock.calls.length + sign.mock.calls.length).toBe(checks);
    expect(again).toEqual(first);
    verify.mockRestore();
    sign.mockRestore();
  });

  it('still refuses it once it has expired', async () => {
    const { token } = await signCustomerToken(customer, input, now);

    expect(await verifyCustomerToken(customer, token, now)).not.toBeNull();
    expect(await verifyCustomerToken(customer, token, now + minutes(16))).toBeNull();
  });

  it('keeps the grace to the caller that allowed it', async () => {
    const { token } = await signCustomerToken(customer, input, now);
    const later = now + minutes(16);

    expect(await verifyCustomerToken(customer, token, later, 30 * 60)).not.toBeNull();
    expect(await verifyCustomerToken(customer, token, later)).toBeNull();
  });

  it('still refuses it past the absolute session lifetime', async () => {
    const early = { ...input, auth: nowSeconds - customer.absoluteTtlSeconds + 60 };
    const { token } = await signCustomerToken(customer, early, now);

    expect(await verifyCustomerToken(customer, token, now, 30 * 60)).not.toBeNull();
    expect(await verifyCustomerToken(customer, token, now + 61_000, 30 * 60)).toBeNull();
  });

  it('refuses it before the time it first passed at, if it was not valid then', async () => {
    const { token } = await signCustomerToken(customer, input, now + minutes(60));

    expect(await verifyCustomerToken(customer, token, now + minutes(60))).not.toBeNull();
    expect(await verifyCustomerToken(customer, token, now)).toBeNull();
  });

  it('refuses it once the realm has another secret', async () => {
    const { token } = await signCustomerToken(customer, input, now);
    const rotated: Realm<'customer'> = {
      ...customer,
      secret: () => new TextEncoder().encode('another-secret-0123456789abcdef0123456789'),
    };

    expect(await verifyCustomerToken(customer, token, now)).not.toBeNull();
    expect(await verifyCustomerToken(rotated, token, now)).toBeNull();
  });

  it('checks it against each claims schema it is asked with', async () => {
    const staff = {
      sub: 'alex',
      sid: 'sid-0123456789abcdef',
      jti: 'jti-0123456789abcdef',
      role: 'owner' as const,
      auth: nowSeconds,
      mfa: nowSeconds,
    };
    const { token } = await signToken(REALMS.admin, staff, now);

    expect(await verifyToken(REALMS.admin, token, now)).not.toBeNull();
    expect(await verifyCustomerToken(REALMS.admin, token, now)).toBeNull();
  });
});
