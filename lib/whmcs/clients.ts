import 'server-only';
import { cache } from 'react';
import { WhmcsInvalidError } from '@/lib/whmcs/errors';
import type { FormParams } from '@/lib/whmcs/form';
import { schemas } from '@/lib/whmcs/schemas';
import { assertClientId, ownedRecord } from '@/lib/whmcs/scope';
import { call } from '@/lib/whmcs/transport';
import type { ClientDetails, ProfileChanges } from '@/lib/whmcs/types';

const ACTION = 'GetClientsDetails';

/** The client account's profile. Stats are not asked for (they cost WHMCS queries). */
export const getClientDetails = cache(
  async (clientId: number): Promise<ClientDetails> => {
    assertClientId(clientId);
    const client = await call(ACTION, { clientid: clientId }, schemas.GetClientsDetails);
    const row = { ownerId: client.id, value: client };

    return ownedRecord(ACTION, clientId, clientId, row, 'Client Not Found');
  },
);

/**
 * The UpdateClient parameter of each field a customer may change. UpdateClient
 * also takes the account's status, group, notes, currency, payment method,
 * tax exemption, late-fee and dunning overrides and more: none of those is
 * here, and only names from this table are ever sent.
 */
const PROFILE_PARAMS = {
  firstName: 'firstname',
  lastName: 'lastname',
  companyName: 'companyname',
  email: 'email',
  address1: 'address1',
  address2: 'address2',
  city: 'city',
  state: 'state',
  postcode: 'postcode',
  countryCode: 'country',
  phone: 'phonenumber',
  taxId: 'tax_id',
} as const satisfies Record<keyof ProfileChanges, string>;

export const PROFILE_FIELDS = Object.keys(PROFILE_PARAMS) as (keyof ProfileChanges)[];

/** The UpdateClient form for `changes`: the client id and the listed fields, nothing else. */
export function profileParams(clientId: number, changes: ProfileChanges): FormParams {
  const params: Record<string, string | number> = { clientid: clientId };
  for (const field of PROFILE_FIELDS) {
    const value = changes[field];
    if (typeof value === 'string') params[PROFILE_PARAMS[field]] = value;
  }

  return params;
}

/**
 * Changes the client's own contact details. The caller has read the client
 * with getClientDetails (the session's client, never one named by a form).
 */
export async function updateClient(
  clientId: number,
  changes: ProfileChanges,
): Promise<void> {
  assertClientId(clientId);
  const answer = await call(
    'UpdateClient',
    profileParams(clientId, changes),
    schemas.UpdateClient,
  );
  if (answer.clientId !== clientId) {
    throw new WhmcsInvalidError('UpdateClient', 'answer names another client');
  }
}
