import 'server-only';

// One interface for everything the portal keeps between requests. Two
// backends implement it (sqlite, the embedded default; redis, for several
// instances) and pass one contract test suite. All times are epoch seconds.

export type RealmName = 'customer' | 'admin';

export type SessionRecord = {
  sid: string;
  realm: RealmName;
  /** WHMCS user id (customer) or staff username (admin). */
  subject: string;
  /** The client account a customer session is bound to; null for staff. */
  clientId: number | null;
  /** The jti of the newest token issued for this session. */
  jti: string;
  /** The jti it replaced, honoured only for a short grace after `rotatedAt`:
   * parallel requests that left with the old token must not look like theft. */
  prevJti: string | null;
  rotatedAt: number | null;
  createdAt: number;
  lastSeenAt: number;
  /** When the person last proved who they are (password, OIDC, TOTP). */
  authAt: number;
  /** Absolute end of the session, whatever the activity. */
  expiresAt: number;
  revokedAt: number | null;
  /** Why it ended: 'signout', 'signout-all', 'evicted', 'reuse', 'admin', 'idle', ... */
  revokedReason: string | null;
  ip: string;
  userAgent: string;
};

export type RotateOutcome =
  /** The presented jti was current: the record now holds the new one. */
  | 'rotated'
  /** The presented jti is the previous one, within `graceSeconds` of its rotation:
   * nothing changes (a parallel request already rotated it). */
  | 'raced'
  /** The presented jti is an old one: the whole session has been revoked. */
  | 'reused'
  /** No live record (missing, revoked or expired). */
  | 'gone';

export type SessionStore = {
  /** Writes a new record; then revokes ('evicted') the oldest live sessions of the
   * same realm and subject beyond `cap`, atomically. Returns the evicted sids. */
  create(record: SessionRecord, cap: number): Promise<string[]>;
  get(sid: string): Promise<SessionRecord | null>;
  /** Compare-and-set of the jti (the replaced one becomes `prevJti`, `rotatedAt` is
   * now); the previous jti within `graceSeconds` is 'raced'; any other stale jti
   * revokes the session with reason 'reuse'. */
  rotate(
    sid: string,
    presentedJti: string,
    nextJti: string,
    now: number,
    graceSeconds: number,
  ): Promise<RotateOutcome>;
  touch(sid: string, now: number): Promise<void>;
  revoke(sid: string, reason: string, now: number): Promise<void>;
  /** Revokes every live session of a subject in a realm; returns how many. */
  revokeAll(
    realm: RealmName,
    subject: string,
    reason: string,
    now: number,
  ): Promise<number>;
  /** Live sessions (not revoked, not past expiresAt), newest first; all subjects when omitted. */
  listActive(realm: RealmName, subject?: string, now?: number): Promise<SessionRecord[]>;
};

export type RateLimitResult = { allowed: boolean; remaining: number; resetAt: number };

export type RateLimiter = {
  /** Counts one attempt against `key` in a sliding or fixed window. */
  hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult>;
};

export type LoginEvent = {
  at: number;
  realm: RealmName;
  /** WHMCS user id or staff username when known; the hashed email otherwise. */
  subject: string;
  outcome: 'success' | 'failure';
  reason: string;
  ip: string;
  userAgent: string;
};

export type LoginHistory = {
  add(event: LoginEvent): Promise<void>;
  /** Newest first. */
  list(realm: RealmName, subject: string, limit: number): Promise<LoginEvent[]>;
  /** Newest failures of a realm across subjects, for the staff security view. */
  recentFailures(realm: RealmName, limit: number): Promise<LoginEvent[]>;
};

export type AuditEntry = {
  id?: string;
  at: number;
  /** Staff username, or `customer:<userId>` for customer changes. */
  actor: string;
  action: string;
  target: string;
  outcome: 'attempt' | 'success' | 'failure';
  ip: string;
  detail: Record<string, string | number | boolean | null>;
};

export type AuditFilter = {
  actor?: string;
  action?: string;
  since?: number;
  until?: number;
  limit: number;
};

export type AuditTrail = {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  list(filter: AuditFilter): Promise<AuditEntry[]>;
};

export type Counters = {
  /** Increments a windowed counter and returns its value in the current window. */
  incr(name: string, windowSeconds: number): Promise<number>;
  /** Marks `name` as used for `ttlSeconds`: true for the first claim, false while that
   * claim lives. For single-use things (a TOTP code, a sealed note); unlike `incr`'s
   * fixed windows, a claim cannot be forgotten at a window boundary. */
  claim(name: string, ttlSeconds: number): Promise<boolean>;
  /** Keeps a short string under `name` for `ttlSeconds`, replacing any earlier one:
   * the outcome of an idempotent submission, a recent step-up confirmation. */
  remember(name: string, value: string, ttlSeconds: number): Promise<void>;
  /** What `remember` kept under `name`, or null once it has expired. */
  recall(name: string): Promise<string | null>;
};

export type Store = {
  kind: 'sqlite' | 'redis';
  sessions: SessionStore;
  rateLimits: RateLimiter;
  logins: LoginHistory;
  audit: AuditTrail;
  counters: Counters;
  /** Throws when the backend cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

/** Raised by a backend that cannot answer (down, timed out); callers fail closed. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

/** Session records stay readable this long after their absolute end, for the security views. */
export const SESSION_RETAIN_SECONDS = 7 * 86_400;
/** Sign-ins and failures are kept this long (and at most LOGIN_HISTORY_MAX per list in Redis). */
export const LOGIN_RETAIN_SECONDS = 90 * 86_400;
export const LOGIN_HISTORY_MAX = 500;

/** A limit, window or cap below 1 is a caller's bug; both backends refuse it alike. */
export function checkPositive(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, not ${value}`);
  }
}
