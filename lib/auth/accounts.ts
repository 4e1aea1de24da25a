import 'server-only';
import { forAccount } from '@/lib/auth/account-cache';
import { logInRequest } from '@/lib/request';
import { getClientDetails } from '@/lib/whmcs/clients';
import { WhmcsError } from '@/lib/whmcs/errors';
import type { UserAccountLink } from '@/lib/whmcs/types';
import { findUser } from '@/lib/whmcs/users';
import type { CustomerSession } from '@/lib/auth/guards';

export type AccountChoice = { clientId: number; label: string; isOwner: boolean };

/** Names each account for a picker; an account WHMCS cannot describe keeps its number. */
export async function describeAccounts(
  links: UserAccountLink[],
): Promise<AccountChoice[]> {
  return Promise.all(
    links.map(async ({ clientId, isOwner }) => {
      try {
        const client = await getClientDetails(clientId);
        const person = `${client.firstName} ${client.lastName}`.trim();
        return {
          clientId,
          isOwner,
          label: client.companyName || person || `#${clientId}`,
        };
      } catch (error) {
        if (!(error instanceof WhmcsError)) throw error;
        await logInRequest('warn', {
          event: 'auth.accounts.describe_failed',
          kind: error.kind,
          clientId,
        });
        return { clientId, isOwner, label: `Account #${clientId}` };
      }
    }),
  );
}

/**
 * The accounts the signed-in user may switch between, for the header: read
 * from WHMCS, then kept a minute for this person on this account
 * (account-cache.ts). Switching itself checks WHMCS afresh (actions.ts).
 */
export function listSwitchableAccounts(
  session: CustomerSession,
): Promise<(AccountChoice & { current: boolean })[]> {
  return forAccount('accounts', session, () => readSwitchableAccounts(session));
}

async function readSwitchableAccounts(
  session: CustomerSession,
): Promise<(AccountChoice & { current: boolean })[]> {
  // The current account is always on the list: ask for its name now, beside
  // GetUsers, not after it (one WHMCS round trip instead of two, issue #5).
  // describeAccounts gets the same cached request and handles its failure.
  getClientDetails(session.clientId).catch(() => undefined);
  const user = await findUser(session.email, session.userId);
  if (!user) return [];
  const choices = await describeAccounts(user.clients);

  return choices.map((c) => ({ ...c, current: c.clientId === session.clientId }));
}
