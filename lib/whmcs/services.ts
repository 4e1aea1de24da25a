import 'server-only';
import { cache } from 'react';
import { schemas } from '@/lib/whmcs/schemas';
import * as scope from '@/lib/whmcs/scope';
import { call } from '@/lib/whmcs/transport';
import type { CancellationType, Page, Service } from '@/lib/whmcs/types';

const ACTION = 'GetClientsProducts';
const MISSING = 'Service ID Not Found';

const listOnce = cache(
  async (clientId: number, offset: number, limit: number): Promise<Page<Service>> => {
    scope.assertClientId(clientId);
    const params = { clientid: clientId, limitstart: offset, limitnum: limit };
    const page = await call(ACTION, params, schemas.GetClientsProducts);

    return scope.ownedPage(ACTION, clientId, page);
  },
);

/** One page of the client's services (hosting, servers, other products). */
export function listServices(
  clientId: number,
  page: scope.PageRequest = {},
): Promise<Page<Service>> {
  return listOnce(clientId, ...scope.pageArgs(page));
}

/** One of the client's services; someone else's reads as not found. */
export const getService = cache(
  async (clientId: number, serviceId: number): Promise<Service> => {
    scope.assertClientId(clientId);
    // Without a serviceid WHMCS would list every service of the client.
    scope.assertRecordId(ACTION, serviceId, MISSING);
    const params = { clientid: clientId, serviceid: serviceId };
    const page = await call(ACTION, params, schemas.GetClientsProducts);
    const row = page.rows.find((r) => r.value.id === serviceId);

    return scope.ownedRecord(ACTION, clientId, serviceId, row, MISSING);
  },
);

/**
 * Files a cancellation request for a service the caller has read with
 * getService (so it is the client's own). Only the service, the type and the
 * reason are sent. WHMCS keeps one open request per service and refuses another.
 */
export async function requestCancellation(
  service: Service,
  type: CancellationType,
  reason: string,
): Promise<void> {
  scope.assertId('serviceId', service.id);
  const params = { serviceid: service.id, type, reason };
  await call('AddCancelRequest', params, schemas.AddCancelRequest);
}
