import 'server-only';
import { cache } from 'react';
import { schemas } from '@/lib/whmcs/schemas';
import * as scope from '@/lib/whmcs/scope';
import { call } from '@/lib/whmcs/transport';
import type { Domain, Page } from '@/lib/whmcs/types';

const ACTION = 'GetClientsDomains';
const MISSING = 'Domain ID Not Found';

const listOnce = cache(
  async (clientId: number, offset: number, limit: number): Promise<Page<Domain>> => {
    scope.assertClientId(clientId);
    const params = { clientid: clientId, limitstart: offset, limitnum: limit };
    const page = await call(ACTION, params, schemas.GetClientsDomains);

    return scope.ownedPage(ACTION, clientId, page);
  },
);

/** One page of the client's domains. */
export function listDomains(
  clientId: number,
  page: scope.PageRequest = {},
): Promise<Page<Domain>> {
  return listOnce(clientId, ...scope.pageArgs(page));
}

/** One of the client's domains; someone else's reads as not found. */
export const getDomain = cache(
  async (clientId: number, domainId: number): Promise<Domain> => {
    scope.assertClientId(clientId);
    // Without a domainid WHMCS would list every domain of the client.
    scope.assertRecordId(ACTION, domainId, MISSING);
    const params = { clientid: clientId, domainid: domainId };
    const page = await call(ACTION, params, schemas.GetClientsDomains);
    const row = page.rows.find((r) => r.value.id === domainId);

    return scope.ownedRecord(ACTION, clientId, domainId, row, MISSING);
  },
);
