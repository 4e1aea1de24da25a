import type { Department, Invoice, Ticket, Transaction } from './model-billing';
import type {
  CancelRequest,
  Client,
  Domain,
  Email,
  Product,
  Server,
  Service,
  User,
} from './model';

/** Everything the simulator knows. Tests read and arrange it directly. */
export type SimState = {
  /** The seed's anchor instant: "overdue" and "expiring soon" are relative to it. */
  now: Date;
  servers: Server[];
  products: Product[];
  clients: Client[];
  users: User[];
  services: Service[];
  domains: Domain[];
  invoices: Invoice[];
  transactions: Transaction[];
  departments: Department[];
  tickets: Ticket[];
  /** Cancellation requests of services (AddCancelRequest). */
  cancelRequests: CancelRequest[];
  /** Single sign-on tokens handed out by CreateSsoToken, spent at /oauth/singlesignon.php. */
  ssoTokens: SsoToken[];
  /** The email log GetEmails reads, oldest first. */
  emails: Email[];
  /** Password reset emails ResetPassword sent, oldest first. */
  passwordResets: PasswordReset[];
};

export type PasswordReset = { userId: number; email: string; at: string };

export type SsoToken = {
  token: string;
  userId: number;
  clientId: number;
  destination: string;
  serviceId?: number;
  domainId?: number;
  path?: string;
  /** Epoch milliseconds of the simulator's clock. */
  expiresAt: number;
  spent: boolean;
};

export function emptyState(now: Date): SimState {
  return {
    now,
    servers: [],
    products: [],
    clients: [],
    users: [],
    services: [],
    domains: [],
    invoices: [],
    transactions: [],
    departments: [],
    tickets: [],
    cancelRequests: [],
    ssoTokens: [],
    emails: [],
    passwordResets: [],
  };
}

/** Next free id in a list of records, as an auto-increment column would hand out. */
export function nextId(rows: readonly { id: number }[]): number {
  return rows.reduce((max, row) => Math.max(max, row.id), 0) + 1;
}

export function nextReplyId(state: SimState): number {
  const ids = state.tickets.flatMap((t) => t.messages.map((m) => m.id));

  return Math.max(0, ...ids) + 1;
}

export function clientName(client: Client): string {
  return `${client.firstname} ${client.lastname}`;
}

export function ownerOf(state: SimState, clientId: number): User | undefined {
  return state.users.find((u) =>
    u.links.some((l) => l.clientId === clientId && l.isOwner),
  );
}
