import 'server-only';

// Every WHMCS action the portal may call. The WHMCS API role for the portal's
// credential should grant exactly these and nothing else. Any other action is
// refused here, before a request is made.

/** Reads: repeating one changes nothing, so they may be retried. */
export const READ_ACTIONS = [
  'GetUsers',
  'GetUserPermissions',
  'GetClientsDetails',
  'GetClientsProducts',
  'GetClientsDomains',
  'GetInvoices',
  'GetInvoice',
  // The client's payments, for the dashboard's balances in one round trip (lib/whmcs/owed.ts).
  'GetTransactions',
  'GetTickets',
  'GetTicket',
  'GetSupportDepartments',
  // The client's email log; its bodies are shown only in a sandbox (docs/security.md).
  'GetEmails',
  // Staff dashboard only (requireAdmin('stats:view')): company-wide figures.
  'GetStats',
  // The catalogue (no customer data), for a service's other plans.
  'GetProducts',
  // Asked of the domain's registrar on each call; they change nothing.
  'DomainGetNameservers',
  'DomainGetLockingStatus',
] as const;

/**
 * Calls with effects: never retried. ValidateLogin counts here because WHMCS
 * starts a session and updates the user's last-login time on every success
 * (docs/whmcs.md#validatelogin-and-two-factor-users), and a repeated failure
 * may count towards a lockout.
 */
export const WRITE_ACTIONS = [
  'ValidateLogin',
  // A single-use sign-in link: a new token each time, so never sent twice.
  'CreateSsoToken',
  'AddCancelRequest',
  'DomainUpdateNameservers',
  'DomainUpdateLockingStatus',
  // Only ever with `donotrenew` (auto-renewal); the action can change any field.
  'UpdateClientDomain',
  // The registrar may email the code to the registrant on each request.
  'DomainRequestEPP',
  // Support tickets: a repeat would open a second ticket or post a reply twice.
  'OpenTicket',
  'AddTicketReply',
  'UpdateTicket',
  // The customer's own contact details, from a fixed list of fields (lib/whmcs/clients.ts).
  'UpdateClient',
  // Sends a password reset email to a WHMCS user.
  'ResetPassword',
] as const;

export type ReadAction = (typeof READ_ACTIONS)[number];
export type WriteAction = (typeof WRITE_ACTIONS)[number];
export type AllowedAction = ReadAction | WriteAction;

export const ALLOWED_ACTIONS: readonly AllowedAction[] = [
  ...READ_ACTIONS,
  ...WRITE_ACTIONS,
];

const allowed: ReadonlySet<string> = new Set(ALLOWED_ACTIONS);
const reads: ReadonlySet<string> = new Set(READ_ACTIONS);

export function isAllowedAction(action: string): action is AllowedAction {
  return allowed.has(action);
}

export function isReadAction(action: string): action is ReadAction {
  return reads.has(action);
}
