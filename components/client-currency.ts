import 'server-only';
import { getClientDetails } from '@/lib/whmcs/clients';
import type { Currency, Money } from '@/lib/whmcs/types';
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

/**
 * The account's credit balance, for a line beside what is owed. Never
 * rejects: without it the line is left out, and the bills still show.
 */
export async function clientCredit(clientId: number): Promise<Money | null> {
  const client = await settle('client', getClientDetails(clientId));

  return client.ok ? client.value.credit : null;
}
