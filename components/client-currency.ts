import 'server-only';
import { getClientDetails } from '@/lib/whmcs/clients';
import type { Currency } from '@/lib/whmcs/types';
import { settle } from '@/components/section';

/**
 * The account's currency, for amounts WHMCS sends without one (services,
 * domains, invoice details). Never rejects: without it amounts are shown bare,
 * which is better than hiding the section that needs them.
 */
export async function clientCurrency(clientId: number): Promise<Currency | null> {
  const client = await settle('client', getClientDetails(clientId));

  return client.ok ? client.value.currency : null;
}
