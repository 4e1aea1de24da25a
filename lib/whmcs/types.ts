import 'server-only';

// The portal's own shapes. Everything in lib/whmcs reshapes WHMCS answers into
// these; nothing outside lib/whmcs sees a WHMCS wire shape.

/** An exact decimal amount as WHMCS sends it ("15.95", "-2.00"). Never a float. */
export type Money = string;

export type Currency = { code: string; prefix: string; suffix: string };

/** Rights a WHMCS user can hold on a client account it does not own. */
export const PERMISSIONS = [
  'profile',
  'contacts',
  'products',
  'manageproducts',
  'productsso',
  'domains',
  'managedomains',
  'invoices',
  'quotes',
  'tickets',
  'affiliates',
  'emails',
  'orders',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type Page<T> = {
  items: T[];
  total: number;
  offset: number;
  /** WHMCS's own count where rows hidden from customers still hold places in its paging. */
  positions?: number;
};

export type LoginCheck =
  | { ok: true; userId: number; twoFactor: false }
  | { ok: true; userId: number; twoFactor: true }
  | { ok: false };

export type UserAccountLink = { clientId: number; isOwner: boolean };

export type PortalUser = {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  clients: UserAccountLink[];
};

export type ClientStatus = 'Active' | 'Inactive' | 'Closed';

export type ClientDetails = {
  id: number;
  firstName: string;
  lastName: string;
  companyName: string;
  email: string;
  status: ClientStatus;
  address1: string;
  address2: string;
  city: string;
  state: string;
  postcode: string;
  countryCode: string;
  phone: string;
  taxId: string;
  credit: Money;
  currency: Currency;
};

/**
 * The contact details a customer may change (UpdateClient). Only these: the
 * account's status, credit, group, notes and the rest are the company's.
 */
export type ProfileChanges = Partial<
  Pick<
    ClientDetails,
    | 'firstName'
    | 'lastName'
    | 'companyName'
    | 'email'
    | 'address1'
    | 'address2'
    | 'city'
    | 'state'
    | 'postcode'
    | 'countryCode'
    | 'phone'
    | 'taxId'
  >
>;

/** One email of the client's email log (GetEmails). */
export type EmailMessage = {
  id: number;
  subject: string;
  sentAt: Date | null;
  to: string;
  cc: string;
  /** The whole HTML document as sent: never put into a portal page. */
  html: string;
};

export type ServiceStatus =
  'Pending' | 'Active' | 'Suspended' | 'Terminated' | 'Cancelled' | 'Fraud' | 'Completed';

export type Service = {
  id: number;
  /** The catalogue product (GetProducts `pid`). */
  productId: number;
  /** The server it is provisioned on; 0 when no server module runs it. */
  serverId: number;
  productName: string;
  groupName: string;
  domain: string;
  status: ServiceStatus;
  billingCycle: string;
  firstPaymentAmount: Money;
  recurringAmount: Money;
  paymentMethodName: string;
  registeredOn: Date | null;
  nextDueDate: Date | null;
  serverHostname: string;
  dedicatedIp: string;
  username: string;
  suspensionReason: string;
  diskUsageMb: number;
  diskLimitMb: number;
  bandwidthUsageMb: number;
  bandwidthLimitMb: number;
  configOptions: { name: string; value: string }[];
};

/** The billing cycles WHMCS prices products on (GetProducts `pricing` keys). */
export const PRICED_CYCLES = [
  'monthly',
  'quarterly',
  'semiannually',
  'annually',
  'biennially',
  'triennially',
] as const;
export type PricedCycle = (typeof PRICED_CYCLES)[number];

/** A product of the catalogue (GetProducts), the same for every customer. */
export type CatalogProduct = {
  id: number;
  groupId: number;
  name: string;
  description: string;
  /** 'free', 'onetime' or 'recurring'. */
  payType: string;
  /** Prices per currency code, only for the cycles the product is sold on. */
  prices: Record<string, Partial<Record<PricedCycle, Money>>>;
};

export const CANCELLATION_TYPES = ['Immediate', 'End of Billing Period'] as const;
export type CancellationType = (typeof CANCELLATION_TYPES)[number];

export type DomainStatus =
  | 'Pending'
  | 'Pending Registration'
  | 'Pending Transfer'
  | 'Active'
  | 'Grace'
  | 'Redemption'
  | 'Expired'
  | 'Transferred Away'
  | 'Cancelled'
  | 'Fraud';

export type Domain = {
  id: number;
  name: string;
  status: DomainStatus;
  registrar: string;
  registrationType: string;
  registrationPeriodYears: number;
  registeredOn: Date | null;
  expiresOn: Date | null;
  nextDueDate: Date | null;
  recurringAmount: Money;
  paymentMethodName: string;
  autoRenew: boolean;
  dnsManagement: boolean;
  emailForwarding: boolean;
  idProtection: boolean;
};

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

/** What a customer may see: WHMCS keeps a Draft from its client until it is published. */
export const CUSTOMER_INVOICE_STATUSES = [
  'Unpaid',
  'Paid',
  'Cancelled',
  'Refunded',
  'Collections',
  'Payment Pending',
] as const satisfies readonly InvoiceStatus[];
export type CustomerInvoiceStatus = (typeof CUSTOMER_INVOICE_STATUSES)[number];

export type InvoiceSummary = {
  id: number;
  number: string;
  issuedOn: Date | null;
  dueOn: Date | null;
  paidOn: Date | null;
  subtotal: Money;
  credit: Money;
  tax: Money;
  total: Money;
  status: InvoiceStatus;
  paymentMethod: string;
  currency: Currency | null;
};

export type InvoiceItem = {
  id: number;
  type: string;
  description: string;
  amount: Money;
  taxed: boolean;
};

export type Transaction = {
  id: number;
  date: Date | null;
  gateway: string;
  transactionId: string;
  amountIn: Money;
  amountOut: Money;
  fees: Money;
};

/** A client's transaction as GetTransactions lists it, reduced to what a balance needs. */
export type Payment = {
  id: number;
  /** 0 when it pays no invoice. */
  invoiceId: number;
  amountIn: Money;
  amountOut: Money;
};

export type Invoice = {
  id: number;
  clientId: number;
  number: string;
  issuedOn: Date | null;
  dueOn: Date | null;
  paidOn: Date | null;
  subtotal: Money;
  credit: Money;
  tax: Money;
  tax2: Money;
  taxRate: string;
  taxRate2: string;
  total: Money;
  balance: Money;
  status: InvoiceStatus;
  paymentMethod: string;
  notes: string;
  items: InvoiceItem[];
  transactions: Transaction[];
};

export type TicketStatus = string; // WHMCS lets admins define their own statuses.

export type TicketSummary = {
  id: number;
  /** The public ticket number customers quote ("516757"). */
  number: string;
  departmentId: number;
  subject: string;
  status: TicketStatus;
  priority: 'Low' | 'Medium' | 'High' | string;
  openedAt: Date | null;
  lastReplyAt: Date | null;
};

export type TicketMessage = {
  id: number;
  author: string;
  fromStaff: boolean;
  postedAt: Date | null;
  /** Plain text with \n line breaks; render as text, never as HTML. */
  text: string;
  attachments: string[];
};

export type Ticket = TicketSummary & {
  clientId: number;
  departmentName: string;
  messages: TicketMessage[];
};

export type Department = { id: number; name: string };

export const TICKET_PRIORITIES = ['Low', 'Medium', 'High'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** A file to attach to a ticket message, already checked (lib/portal/attachments.ts). */
export type Attachment = { name: string; data: Uint8Array };

export type NewTicket = {
  departmentId: number;
  priority: TicketPriority;
  subject: string;
  message: string;
  /** One of the client's services, already checked to be theirs. */
  serviceId?: number;
  attachments: readonly Attachment[];
};

export type OpenedTicket = { id: number; number: string };
