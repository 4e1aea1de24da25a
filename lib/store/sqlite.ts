import 'server-only';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { sqliteRecords } from './sqlite-records';
import { sqliteSessions } from './sqlite-sessions';
import type { Store } from './types';

// The embedded default: one file, one instance. better-sqlite3 is synchronous,
// so every operation of this process runs alone; multi-step operations also run
// in IMMEDIATE transactions so a second process on the same file cannot interleave.

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  sid TEXT NOT NULL UNIQUE,
  realm TEXT NOT NULL,
  subject TEXT NOT NULL,
  clientId INTEGER,
  jti TEXT NOT NULL,
  prevJti TEXT,
  rotatedAt INTEGER,
  createdAt INTEGER NOT NULL,
  lastSeenAt INTEGER NOT NULL,
  authAt INTEGER NOT NULL,
  expiresAt INTEGER NOT NULL,
  revokedAt INTEGER,
  revokedReason TEXT,
  ip TEXT NOT NULL,
  userAgent TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_subject ON sessions (realm, subject, createdAt);
CREATE INDEX IF NOT EXISTS sessions_by_expiry ON sessions (realm, expiresAt);

CREATE TABLE IF NOT EXISTS rate_limits (
  key TEXT NOT NULL,
  windowSeconds INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  hits INTEGER NOT NULL,
  until INTEGER NOT NULL,
  PRIMARY KEY (key, windowSeconds, bucket)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS rate_limits_by_until ON rate_limits (until);

CREATE TABLE IF NOT EXISTS counters (
  name TEXT NOT NULL,
  windowSeconds INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  value INTEGER NOT NULL,
  until INTEGER NOT NULL,
  PRIMARY KEY (name, windowSeconds, bucket)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS counters_by_until ON counters (until);

CREATE TABLE IF NOT EXISTS claims (
  name TEXT PRIMARY KEY,
  until INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS claims_by_until ON claims (until);

CREATE TABLE IF NOT EXISTS notes (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  until INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS notes_by_until ON notes (until);

CREATE TABLE IF NOT EXISTS logins (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  realm TEXT NOT NULL,
  subject TEXT NOT NULL,
  outcome TEXT NOT NULL,
  reason TEXT NOT NULL,
  ip TEXT NOT NULL,
  userAgent TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS logins_by_subject ON logins (realm, subject, id);
CREATE INDEX IF NOT EXISTS logins_by_outcome ON logins (realm, outcome, id);
CREATE INDEX IF NOT EXISTS logins_by_at ON logins (at);

CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  outcome TEXT NOT NULL,
  ip TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_by_at ON audit (at, id);
`;

/** Opens (creating when missing) the store file; `:memory:` gives a private store. */
export function openSqliteStore(path: string): Store {
  const memory = path === ':memory:';
  const file = memory ? path : resolve(path);
  if (!memory) mkdirSync(dirname(file), { recursive: true });

  // A short busy wait: the event loop is blocked while it lasts.
  const db = new Database(file, { timeout: 1000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);

  const ping = db.prepare('SELECT 1');

  return {
    kind: 'sqlite',
    sessions: sqliteSessions(db),
    ...sqliteRecords(db),
    async ping() {
      ping.get();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
