import 'server-only';
import { cache } from 'react';
import { schemas } from '@/lib/whmcs/schemas';
import type { WhmcsStats } from '@/lib/whmcs/schemas/stats';
import { call } from '@/lib/whmcs/transport';

export type { WhmcsStats } from '@/lib/whmcs/schemas/stats';

/**
 * Company-wide figures for the staff dashboard. Only callers that passed
 * requireAdmin('stats:view') may ask: this is not scoped to one client.
 */
export const getStats = cache(async (): Promise<WhmcsStats> =>
  call('GetStats', {}, schemas.GetStats),
);
