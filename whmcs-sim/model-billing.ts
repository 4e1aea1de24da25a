import type { InvoiceStatus, TicketStatus } from './model';

export type InvoiceItem = {
  id: number;
  type: 'Hosting' | 'Domain' | 'Item' | 'LateFee';
  relid: number;
  description: string;
  amountCents: number;
  taxed: boolean;
};

export type Invoice = {
  id: number;
  clientId: number;
  /** Sequential number given on payment; "" while unpaid (as in the example). */
  invoicenum: string;
  date: string;
  duedate: string;
  datepaid: string;
  dateRefunded: string;
  dateCancelled: string;
  status: InvoiceStatus;
  gateway: string;
  notes: string;
  creditCents: number;
  items: InvoiceItem[];
  createdAt: string;
  updatedAt: string;
};

export type Transaction = {
  id: number;
  clientId: number;
  invoiceId: number;
  gateway: string;
  date: string;
  description: string;
  amountInCents: number;
  feesCents: number;
  amountOutCents: number;
  transid: string;
  refundId: number;
};

export type Department = { id: number; name: string; email: string };

/** One message on a ticket; the opening message has id 0 (as GetTicket reports it). */
export type TicketMessage = {
  id: number;
  requestorType: 'Owner' | 'Authorized User' | 'Guest' | 'Operator';
  name: string;
  email: string;
  admin: string;
  date: string;
  message: string;
  /** WHMCS's stored names, "123456_name.png|654321_log.txt"; "" without files. */
  attachment: string;
  /** The files' contents in base64, in the order of `attachment`. */
  files?: string[];
};

export type TicketNote = { id: number; date: string; message: string; admin: string };

export type Ticket = {
  id: number;
  tid: string;
  c: string;
  deptId: number;
  clientId: number;
  name: string;
  email: string;
  requestorType: TicketMessage['requestorType'];
  cc: string;
  date: string;
  subject: string;
  status: TicketStatus;
  priority: 'Low' | 'Medium' | 'High';
  admin: string;
  lastreply: string;
  flag: number;
  service: string;
  messages: TicketMessage[];
  notes: TicketNote[];
};
