import 'server-only';
import type { Database } from 'better-sqlite3';
import { sqliteCounters } from './sqlite-counters';
import {
  checkPositive,
  LOGIN_RETAIN_SECONDS,
  type AuditEntry,
  type AuditTrail,
  type LoginEvent,
  type LoginHistory,
  type RateLimiter,
} from './types';

type AuditRow = Omit<AuditEntry, 'id' | 'detail'> & { id: number; detail: string };

// Rate limits count in a sliding window approximated by two fixed buckets (the
// previous one weighted by how much of it still overlaps), as @upstash/ratelimit does.
function rateLimits(db: Database): RateLimiter {
  const read = db
    .prepare<[string, number, number], number>(
      'SELECT hits FROM rate_limits WHERE key = ? AND windowSeconds = ? AND bucket = ?',
    )
    .pluck();
  const add = db.prepare(
    `INSERT INTO rate_limits (key, windowSeconds, bucket, hits, until) VALUES (?, ?, ?, 1, ?)
     ON CONFLICT DO UPDATE SET hits = hits + 1`,
  );
  const prune = db.prepare('DELETE FROM rate_limits WHERE until < ?');

  const hit = db.transaction(
    (key: string, limit: number, window: number, nowMs: number) => {
      const bucket = Math.floor(nowMs / (window * 1000));
      const resetAt = (bucket + 1) * window;
      prune.run(Math.floor(nowMs / 1000));

      const current = read.get(key, window, bucket) ?? 0;
      const previous = read.get(key, window, bucket - 1) ?? 0;
      const overlap = 1 - (nowMs % (window * 1000)) / (window * 1000);
      const used = Math.floor(previous * overlap) + current;
      if (used >= limit) return { allowed: false, remaining: 0, resetAt };

      add.run(key, window, bucket, resetAt + window);

      return { allowed: true, remaining: Math.max(0, limit - used - 1), resetAt };
    },
  );

  return {
    async hit(key, limit, windowSeconds) {
      checkPositive('limit', limit);
      checkPositive('windowSeconds', windowSeconds);

      return hit.immediate(key, limit, windowSeconds, Date.now());
    },
  };
}

function logins(db: Database): LoginHistory {
  const columns = 'at, realm, subject, outcome, reason, ip, userAgent';
  const insert = db.prepare(
    `INSERT INTO logins (${columns}) VALUES (@at, @realm, @subject, @outcome, @reason, @ip, @userAgent)`,
  );
  const prune = db.prepare('DELETE FROM logins WHERE at < ?');
  const bySubject = db.prepare<[string, string, number], LoginEvent>(
    `SELECT ${columns} FROM logins WHERE realm = ? AND subject = ? ORDER BY id DESC LIMIT ?`,
  );
  const failures = db.prepare<[string, number], LoginEvent>(
    `SELECT ${columns} FROM logins WHERE realm = ? AND outcome = 'failure' ORDER BY id DESC LIMIT ?`,
  );

  return {
    async add(event) {
      prune.run(event.at - LOGIN_RETAIN_SECONDS);
      insert.run(event);
    },
    async list(realm, subject, limit) {
      return bySubject.all(realm, subject, limit);
    },
    async recentFailures(realm, limit) {
      return failures.all(realm, limit);
    },
  };
}

function audit(db: Database): AuditTrail {
  const insert = db.prepare(
    `INSERT INTO audit (at, actor, action, target, outcome, ip, detail)
     VALUES (@at, @actor, @action, @target, @outcome, @ip, @detail)`,
  );

  return {
    async append(entry) {
      insert.run({ ...entry, detail: JSON.stringify(entry.detail) });
    },
    async list({ actor, action, since, until, limit }) {
      const where = [
        actor === undefined ? '' : 'actor = @actor',
        action === undefined ? '' : 'action = @action',
        since === undefined ? '' : 'at >= @since',
        until === undefined ? '' : 'at <= @until',
      ].filter(Boolean);
      const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY at DESC, id DESC LIMIT @limit`;
      const rows = db
        .prepare<object, AuditRow>(sql)
        .all({ actor, action, since, until, limit });

      return rows.map((row) => ({
        ...row,
        id: String(row.id),
        detail: JSON.parse(row.detail),
      }));
    },
  };
}

export function sqliteRecords(db: Database) {
  return {
    rateLimits: rateLimits(db),
    logins: logins(db),
    audit: audit(db),
    counters: sqliteCounters(db),
  };
}
