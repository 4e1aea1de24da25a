import { randomBytes } from 'node:crypto';
import type { SimState, SsoToken } from '../state';
import { ownerOf } from '../state';
import { failure, int, success, text, type Handler } from '../wire';

// CreateSsoToken: a one-time, 60-second login for a client's user, landing on
// a client-area destination. The token is spent at /oauth/singlesignon.php
// (see spendSsoToken), where the simulator shows a page naming who was signed
// in and where they landed, so tests can follow a hand-off to its end.

const TTL_MS = 60_000;

/** The destinations WHMCS documents for single sign-on, plus a custom path. */
export const SSO_DESTINATIONS = [
  'clientarea:homepage',
  'clientarea:profile',
  'clientarea:billing_info',
  'clientarea:emails',
  'clientarea:services',
  'clientarea:product_details',
  'clientarea:domains',
  'clientarea:domain_details',
  'clientarea:invoices',
  'clientarea:tickets',
  'clientarea:submit_ticket',
  'sso:custom_redirect',
] as const;

export const createSsoToken: Handler = (params, ctx) => {
  const { state } = ctx;
  const clientId = int(params, 'client_id');
  const userId = int(params, 'user_id');
  if (clientId === undefined && userId === undefined)
    return failure('A valid client_id or user_id is required');
  const client =
    clientId === undefined ? undefined : state.clients.find((c) => c.id === clientId);
  if (clientId !== undefined && !client) return failure('Invalid client_id');

  const user =
    userId === undefined
      ? ownerOf(state, clientId ?? 0)
      : state.users.find((u) => u.id === userId);
  if (!user) return failure('Invalid user_id');
  const link =
    clientId === undefined
      ? user.links[0]
      : user.links.find((l) => l.clientId === clientId);
  if (!link) return failure('Invalid user_id for client');
  const target = client ?? state.clients.find((c) => c.id === link.clientId);
  if (target && !target.allowSingleSignOn)
    return failure(`SSO authentication blocked for client ${target.id}`);

  const destination = text(params, 'destination') ?? 'clientarea:homepage';
  if (!(SSO_DESTINATIONS as readonly string[]).includes(destination))
    return failure('Invalid destination');
  const serviceId = int(params, 'service_id');
  const domainId = int(params, 'domain_id');
  const path = text(params, 'sso_redirect_path');

  const token = randomBytes(20).toString('hex');
  state.ssoTokens.push({
    token,
    userId: user.id,
    clientId: link.clientId,
    destination,
    serviceId,
    domainId,
    path,
    expiresAt: ctx.clock().getTime() + TTL_MS,
    spent: false,
  });

  return success({
    access_token: token,
    redirect_url: `${ctx.baseUrl()}/oauth/singlesignon.php?access_token=${token}`,
  });
};

export type SpentToken =
  { ok: true; token: SsoToken } | { ok: false; reason: 'unknown' | 'spent' | 'expired' };

/** Redeems a token once, before it expires. */
export function spendSsoToken(state: SimState, token: string, now: Date): SpentToken {
  const found = state.ssoTokens.find((t) => t.token === token);
  if (!found) return { ok: false, reason: 'unknown' };
  if (found.spent) return { ok: false, reason: 'spent' };
  found.spent = true;
  if (now.getTime() > found.expiresAt) return { ok: false, reason: 'expired' };

  return { ok: true, token: found };
}
