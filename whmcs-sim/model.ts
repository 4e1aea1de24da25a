// The simulator's own records. Amounts are integer cents and dates are already
// WHMCS strings; the action modules turn these into the wire shapes.

export const SERVICE_STATUSES = [
  'Pending',
  'Active',
  'Suspended',
  'Terminated',
  'Cancelled',
  'Fraud',
  'Completed',
] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const INVOICE_STATUSES = [
  'Draft',
  'Unpaid',
  'Paid',
  'Cancelled',
  'Refunded',
  'Collections',
  'Payment Pending',
] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const TICKET_STATUSES = [
  'Open',
  'Answered',
  'Customer-Reply',
  'Closed',
  'On Hold',
  'In Progress',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export type Server = { id: number; name: string; ip: string; hostname: string };

export type Product = {
  id: number;
  name: string;
  group: string;
  /** The product group's id (GetProducts `gid`). */
  groupId: number;
  /** The server module that provisions it ('' for none). */
  module: string;
  kind: 'hosting' | 'server' | 'other';
  cycle: string;
  priceCents: number;
  serverId: number;
  diskLimitMb: number;
  bwLimitMb: number;
};

export type Client = {
  id: number;
  uuid: string;
  firstname: string;
  lastname: string;
  companyname: string;
  email: string;
  address1: string;
  address2: string;
  city: string;
  state: string;
  postcode: string;
  countrycode: string;
  phonenumber: string;
  /** VAT or other tax number (UpdateClient `tax_id`). */
  taxId: string;
  status: 'Active' | 'Inactive' | 'Closed';
  creditCents: number;
  datecreated: string;
  customField: string;
  lastLogin: string;
  /** Staff-only fields UpdateClient can change; a customer portal must never send them. */
  notes: string;
  groupId: number;
  /** WHMCS's per-client switch for single sign-on (CreateSsoToken). */
  allowSingleSignOn: boolean;
  /** `email_preferences[domain]` etc.: which notices the client's own address receives. */
  emailPreferences: Record<EmailPreference, boolean>;
};

export const EMAIL_PREFERENCES = [
  'general',
  'invoice',
  'support',
  'product',
  'domain',
  'affiliate',
] as const;
export type EmailPreference = (typeof EMAIL_PREFERENCES)[number];

/** An email WHMCS sent to a client and logged (GetEmails): `message` is a whole HTML document. */
export type Email = {
  id: number;
  clientId: number;
  subject: string;
  message: string;
  date: string;
  to: string;
  cc: string;
  bcc: string;
};

export type ClientLink = { clientId: number; isOwner: boolean; permissions: string[] };

export type User = {
  id: number;
  firstname: string;
  lastname: string;
  email: string;
  passwordHash: string;
  twoFactor: boolean;
  /** Base32 TOTP secret of a user with two-factor on (the OIDC sign-in page asks for it). */
  totpSecret?: string;
  datecreated: string;
  links: ClientLink[];
};

export type ConfigOption = { id: number; option: string; type: string; value: string };

export type Service = {
  id: number;
  clientId: number;
  orderId: number;
  orderNumber: string;
  productId: number;
  regdate: string;
  domain: string;
  dedicatedIp: string;
  status: ServiceStatus;
  firstPaymentCents: number;
  recurringCents: number;
  gateway: string;
  nextDueDate: string;
  username: string;
  password: string;
  suspensionReason: string;
  diskUsageMb: number;
  bwUsageMb: number;
  configOptions: ConfigOption[];
};

export type Domain = {
  id: number;
  clientId: number;
  orderId: number;
  regtype: 'Register' | 'Transfer';
  name: string;
  registrar: string;
  regperiod: number;
  firstPaymentCents: number;
  recurringCents: number;
  gateway: string;
  regdate: string;
  expirydate: string;
  nextduedate: string;
  status: 'Pending' | 'Active' | 'Expired' | 'Cancelled' | 'Grace' | 'Transferred Away';
  doNotRenew: boolean;
  dnsManagement: boolean;
  emailForwarding: boolean;
  idProtection: boolean;
  /** What the registrar holds: 2 to 5 nameserver hostnames, in order. */
  nameservers: string[];
  /** The registrar (transfer) lock. */
  locked: boolean;
  /** The auth code the registrar holds for a transfer out. */
  eppCode: string;
};

export const CANCELLATION_TYPES = ['Immediate', 'End of Billing Period'] as const;
export type CancellationType = (typeof CANCELLATION_TYPES)[number];

/** A service's cancellation request (AddCancelRequest), until staff act on it. */
export type CancelRequest = {
  id: number;
  serviceId: number;
  type: CancellationType;
  reason: string;
  date: string;
};
