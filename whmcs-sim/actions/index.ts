import type { Handler } from '../wire';
import { getInvoice, getInvoices, getTransactions } from './billing';
import { addCancelRequest } from './cancel';
import { getClientsDetails } from './clients';
import {
  domainGetLockingStatus,
  domainGetNameservers,
  domainRequestEpp,
  domainUpdateLockingStatus,
  domainUpdateNameservers,
} from './domain-registrar';
import { updateClientDomain } from './domain-update';
import { getProducts } from './products';
import { resetPassword, updateClient } from './client-write';
import { getEmails } from './emails';
import { getClientsDomains, getClientsProducts } from './services';
import { createSsoToken } from './sso';
import { getStats } from './stats';
import { getSupportDepartments, getTicket, getTickets } from './support-read';
import { addTicketReply, openTicket, updateTicket } from './support-write';
import { getUserPermissions, getUsers, validateLogin } from './users';

/** The actions the simulator answers, under their documented CamelCase names. */
export const ACTIONS: Record<string, Handler> = {
  ValidateLogin: validateLogin,
  GetUsers: getUsers,
  GetUserPermissions: getUserPermissions,
  GetClientsDetails: getClientsDetails,
  GetClientsProducts: getClientsProducts,
  GetClientsDomains: getClientsDomains,
  GetInvoices: getInvoices,
  GetInvoice: getInvoice,
  GetTransactions: getTransactions,
  GetTickets: getTickets,
  GetTicket: getTicket,
  GetSupportDepartments: getSupportDepartments,
  OpenTicket: openTicket,
  AddTicketReply: addTicketReply,
  UpdateTicket: updateTicket,
  GetStats: getStats,
  CreateSsoToken: createSsoToken,
  GetProducts: getProducts,
  AddCancelRequest: addCancelRequest,
  DomainGetNameservers: domainGetNameservers,
  DomainUpdateNameservers: domainUpdateNameservers,
  DomainGetLockingStatus: domainGetLockingStatus,
  DomainUpdateLockingStatus: domainUpdateLockingStatus,
  DomainRequestEPP: domainRequestEpp,
  UpdateClientDomain: updateClientDomain,
  UpdateClient: updateClient,
  GetEmails: getEmails,
  ResetPassword: resetPassword,
};

// WHMCS matches `action` without regard to case
// (docs/whmcs.md#action-names-are-case-insensitive).
const BY_LOWER_NAME = new Map(
  Object.entries(ACTIONS).map(([name, handler]) => [name.toLowerCase(), handler]),
);

export function findAction(name: string): Handler | undefined {
  return BY_LOWER_NAME.get(name.toLowerCase());
}
