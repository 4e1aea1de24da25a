import 'server-only';
import { cache } from 'react';
import { schemas } from '@/lib/whmcs/schemas';
import { assertClientId, ownedRecord } from '@/lib/whmcs/scope';
import { call } from '@/lib/whmcs/transport';
import type { ClientDetails } from '@/lib/whmcs/types';

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
