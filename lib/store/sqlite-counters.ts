import 'server-only';
import type { Database } from 'better-sqlite3';
import { checkPositive, type Counters } from './types';

// Windowed counters (fixed buckets, pruned once past), single-use claims (one
// row per name until it expires) and short notes, for the sqlite store.

export function sqliteCounters(db: Database): Counters {
  const bump = db
    .prepare<[string, number, number, number], number>(
      `INSERT INTO counters (name, windowSeconds, bucket, value, until) VALUES (?, ?, ?, 1, ?)
       ON CONFLICT DO UPDATE SET value = value + 1 RETURNING value`,
    )
    .pluck();
  const prune = db.prepare('DELETE FROM counters WHERE until < ?');

  const incr = db.transaction((name: string, window: number, now: number) => {
    const bucket = Math.floor(now / window);
    prune.run(now);

    return bump.get(name, window, bucket, (bucket + 1) * window) ?? 0;
  });

  const pruneClaims = db.prepare('DELETE FROM claims WHERE until <= ?');
  const insertClaim = db.prepare(
    'INSERT OR IGNORE INTO claims (name, until) VALUES (?, ?)',
  );
  const claim = db.transaction((name: string, ttl: number, now: number) => {
    pruneClaims.run(now);

    return insertClaim.run(name, now + ttl).changes === 1;
  });

  const pruneNotes = db.prepare('DELETE FROM notes WHERE until <= ?');
  const putNote = db.prepare(
    `INSERT INTO notes (name, value, until) VALUES (?, ?, ?)
     ON CONFLICT DO UPDATE SET value = excluded.value, until = excluded.until`,
  );
  const remember = db.transaction(
    (name: string, value: string, ttl: number, now: number) => {
      pruneNotes.run(now);
      putNote.run(name, value, now + ttl);
    },
  );
  const readNote = db
    .prepare<[string, number], string>(
      'SELECT value FROM notes WHERE name = ? AND until > ?',
    )
    .pluck();

  return {
    async incr(name, windowSeconds) {
      checkPositive('windowSeconds', windowSeconds);

      return incr.immediate(name, windowSeconds, Math.floor(Date.now() / 1000));
    },
    async claim(name, ttlSeconds) {
      checkPositive('ttlSeconds', ttlSeconds);

      return claim.immediate(name, ttlSeconds, Math.floor(Date.now() / 1000));
    },
    async remember(name, value, ttlSeconds) {
      checkPositive('ttlSeconds', ttlSeconds);

      remember.immediate(name, value, ttlSeconds, Math.floor(Date.now() / 1000));
    },
    async recall(name) {
      return readNote.get(name, Math.floor(Date.now() / 1000)) ?? null;
    },
  };
}
