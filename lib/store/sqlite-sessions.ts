import 'server-only';
import type { Database } from 'better-sqlite3';
import {
  checkPositive,
  SESSION_RETAIN_SECONDS,
  type RealmName,
  type SessionRecord,
  type SessionStore,
} from './types';

const COLUMNS = [
  'sid',
  'realm',
  'subject',
  'clientId',
  'jti',
  'prevJti',
  'rotatedAt',
  'createdAt',
  'lastSeenAt',
  'authAt',
  'expiresAt',
  'revokedAt',
  'revokedReason',
  'ip',
  'userAgent',
];
const SELECT = `SELECT ${COLUMNS.join(', ')} FROM sessions`;
const LIVE = 'revokedAt IS NULL AND expiresAt > @now';

type Current = Pick<
  SessionRecord,
  'jti' | 'prevJti' | 'rotatedAt' | 'revokedAt' | 'expiresAt'
>;

/** The previous jti, shortly after its rotation: a parallel request, not a theft. */
function raced(row: Current, presented: string, now: number, grace: number): boolean {
  return (
    row.prevJti === presented && row.rotatedAt !== null && now - row.rotatedAt <= grace
  );
}

export function sqliteSessions(db: Database): SessionStore {
  const insert = db.prepare(
    `INSERT INTO sessions (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`,
  );
  const prune = db.prepare(
    'DELETE FROM sessions WHERE realm = ? AND subject = ? AND expiresAt < ?',
  );
  const othersLive = db
    .prepare<{ realm: string; subject: string; sid: string; now: number }, string>(
      `SELECT sid FROM sessions WHERE realm = @realm AND subject = @subject
       AND sid <> @sid AND ${LIVE} ORDER BY createdAt, seq`,
    )
    .pluck();
  const byId = db.prepare<[string], SessionRecord>(`${SELECT} WHERE sid = ?`);
  const current = db.prepare<[string], Current>(
    'SELECT jti, prevJti, rotatedAt, revokedAt, expiresAt FROM sessions WHERE sid = ?',
  );
  const setJti = db.prepare(
    'UPDATE sessions SET prevJti = jti, jti = @next, rotatedAt = @now WHERE sid = @sid',
  );
  const touch = db.prepare(
    `UPDATE sessions SET lastSeenAt = @now WHERE sid = @sid AND ${LIVE}`,
  );
  const revoke = db.prepare(
    `UPDATE sessions SET revokedAt = @now, revokedReason = @reason
     WHERE sid = @sid AND revokedAt IS NULL`,
  );
  const revokeAll = db.prepare(
    `UPDATE sessions SET revokedAt = @now, revokedReason = @reason
     WHERE realm = @realm AND subject = @subject AND ${LIVE}`,
  );
  const order = 'ORDER BY createdAt DESC, seq DESC';
  const liveOfRealm = db.prepare<{ realm: string; now: number }, SessionRecord>(
    `${SELECT} WHERE realm = @realm AND ${LIVE} ${order}`,
  );
  const liveOfSubject = db.prepare<
    { realm: string; subject: string; now: number },
    SessionRecord
  >(`${SELECT} WHERE realm = @realm AND subject = @subject AND ${LIVE} ${order}`);

  const create = db.transaction((record: SessionRecord, cap: number) => {
    const now = record.createdAt;
    prune.run(record.realm, record.subject, now - SESSION_RETAIN_SECONDS);
    insert.run(record);

    const others = othersLive.all({ ...record, now });
    const evicted = others.slice(0, Math.max(0, others.length + 1 - cap));
    for (const sid of evicted) revoke.run({ sid, now, reason: 'evicted' });

    return evicted;
  });

  const rotate = db.transaction(
    (sid: string, presented: string, next: string, now: number, grace: number) => {
      const row = current.get(sid);
      if (!row || row.revokedAt !== null || row.expiresAt <= now) return 'gone';

      if (row.jti === presented) {
        setJti.run({ sid, next, now });
        return 'rotated';
      }
      if (raced(row, presented, now, grace)) return 'raced';
      revoke.run({ sid, now, reason: 'reuse' });

      return 'reused';
    },
  );

  return {
    async create(record, cap) {
      checkPositive('cap', cap);

      return create.immediate(record, cap);
    },
    async get(sid) {
      return byId.get(sid) ?? null;
    },
    async rotate(sid, presentedJti, nextJti, now, graceSeconds) {
      return rotate.immediate(sid, presentedJti, nextJti, now, graceSeconds);
    },
    async touch(sid, now) {
      touch.run({ sid, now });
    },
    async revoke(sid, reason, now) {
      if (reason === '') throw new RangeError('A revocation needs a reason');

      revoke.run({ sid, reason, now });
    },
    async revokeAll(realm: RealmName, subject, reason, now) {
      return revokeAll.run({ realm, subject, reason, now }).changes;
    },
    async listActive(realm, subject, now = Math.floor(Date.now() / 1000)) {
      return subject === undefined
        ? liveOfRealm.all({ realm, now })
        : liveOfSubject.all({ realm, subject, now });
    },
  };
}
