import 'server-only';
import type { z } from 'zod';
import type { AllowedAction } from '@/lib/whmcs/allowlist';
import {
  getInvoiceAnswer,
  getInvoicesAnswer,
  getTransactionsAnswer,
} from '@/lib/whmcs/schemas/billing';
import { getProductsAnswer } from '@/lib/whmcs/schemas/catalog';
import { getClientsDetailsAnswer } from '@/lib/whmcs/schemas/clients';
import {
  domainGetLockingStatusAnswer,
  domainGetNameserversAnswer,
  domainRequestEppAnswer,
  doneAnswer,
  getClientsDomainsAnswer,
  updateClientDomainAnswer,
} from '@/lib/whmcs/schemas/domains';
import {
  addCancelRequestAnswer,
  getClientsProductsAnswer,
} from '@/lib/whmcs/schemas/services';
import {
  getEmailsAnswer,
  resetPasswordAnswer,
  updateClientAnswer,
} from '@/lib/whmcs/schemas/profile';
import { createSsoTokenAnswer } from '@/lib/whmcs/schemas/sso';
import { getStatsAnswer } from '@/lib/whmcs/schemas/stats';
import {
  addTicketReplyAnswer,
  getSupportDepartmentsAnswer,
  getTicketAnswer,
  getTicketsAnswer,
  openTicketAnswer,
  updateTicketAnswer,
} from '@/lib/whmcs/schemas/support';
import {
  getUserPermissionsAnswer,
  getUsersAnswer,
  validateLoginAnswer,
} from '@/lib/whmcs/schemas/users';

// The answer schema of every allowed action, by action name. Each one checks
// the wire shape and maps it to the portal's types in one step, so whatever
// passes here is what the pages get.

export const schemas = {
  ValidateLogin: validateLoginAnswer,
  GetUsers: getUsersAnswer,
  GetUserPermissions: getUserPermissionsAnswer,
  GetClientsDetails: getClientsDetailsAnswer,
  GetClientsProducts: getClientsProductsAnswer,
  GetClientsDomains: getClientsDomainsAnswer,
  GetInvoices: getInvoicesAnswer,
  GetInvoice: getInvoiceAnswer,
  GetTransactions: getTransactionsAnswer,
  GetTickets: getTicketsAnswer,
  GetTicket: getTicketAnswer,
  GetSupportDepartments: getSupportDepartmentsAnswer,
  GetStats: getStatsAnswer,
  CreateSsoToken: createSsoTokenAnswer,
  GetProducts: getProductsAnswer,
  AddCancelRequest: addCancelRequestAnswer,
  DomainGetNameservers: domainGetNameserversAnswer,
  DomainUpdateNameservers: doneAnswer,
  DomainGetLockingStatus: domainGetLockingStatusAnswer,
  DomainUpdateLockingStatus: doneAnswer,
  DomainRequestEPP: domainRequestEppAnswer,
  UpdateClientDomain: updateClientDomainAnswer,
  OpenTicket: openTicketAnswer,
  AddTicketReply: addTicketReplyAnswer,
  UpdateTicket: updateTicketAnswer,
  UpdateClient: updateClientAnswer,
  GetEmails: getEmailsAnswer,
  ResetPassword: resetPasswordAnswer,
} as const satisfies Record<AllowedAction, z.ZodType>;

const byLowerName = new Map<string, z.ZodType>(
  Object.entries(schemas).map(([action, schema]) => [action.toLowerCase(), schema]),
);

/** The schema for an action name in any case (WHMCS matches names that way). */
export function schemaFor(action: string): z.ZodType | undefined {
  return byLowerName.get(action.toLowerCase());
}
