import 'server-only';
import { forAccount, type AccountKey } from '@/lib/auth/account-cache';
import { getClientDetails } from '@/lib/whmcs/clients';
import type { Currency, Money } from '@/lib/whmcs/types';
import { settle } from '@/components/section';

/**
 * The account's currency, for amounts WHMCS sends without one (services,
 * domains, invoice details), kept a minute for this person on this account
 * (account-cache.ts): it changes next to never, and every page needs it.
 * Never rejects: without it amounts are shown bare, which is better than
 * hiding the section that needs them.
 */
export async function clientCurrency(session: AccountKey): Promise<Currency | null> {
  const client = await settle(
    'client',
    forAccount('currency', session, async () => {
      const details = await getClientDetails(session.clientId);
      return details.currency;
    }),
  );

  return client.ok ? client.value : null;
}

/**
 * The account's credit balance, for a line beside what is owed. Never
 * rejects: without it the line is left out, and the bills still show.
 */
export async function clientCredit(clientId: number): Promise<Money | null> {
  const client = await settle('client', getClientDetails(clientId));

  return client.ok ? client.value.credit : null;
}
