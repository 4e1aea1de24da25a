import 'server-only';
import type { Redis } from '@upstash/redis';
import { z } from 'zod';
import { CREATE, LIST_LIVE, REVOKE_ALL, ROTATE, TOUCH_OR_REVOKE } from './redis-scripts';
import {
  checkPositive,
  SESSION_RETAIN_SECONDS,
  type RealmName,
  type SessionStore,
} from './types';

// Records are read back through a transport (TCP or REST), so they are parsed,
// not trusted: a damaged record is an error, never a session.

const record = z.object({
  sid: z.string(),
  realm: z.enum(['customer', 'admin']),
  subject: z.string(),
  clientId: z.number().int().nullable(),
  jti: z.string(),
  prevJti: z.string().nullable(),
  rotatedAt: z.number().nullable(),
  createdAt: z.number(),
  lastSeenAt: z.number(),
  authAt: z.number(),
  expiresAt: z.number(),
  revokedAt: z.number().nullable(),
  revokedReason: z.string().nullable(),
  ip: z.string(),
  userAgent: z.string(),
});
const stored = record.extend({ seq: z.number() });
const outcome = z.enum(['rotated', 'raced', 'reused', 'gone']);

/** Lua's cjson encodes an empty table as `{}`; a list script answers a JSON array. */
const list = (value: unknown) =>
  z.array(z.string()).parse(Array.isArray(value) ? value : []);

const nowSeconds = () => Math.floor(Date.now() / 1000);

type Script = ReturnType<Redis['createScript']>;

/** Runs a script; Redis takes every argument as a string. */
const run = (script: Script, keys: string[], args: (string | number)[]) =>
  script.exec(keys, args.map(String));

export function redisSessions(redis: Redis, prefix: string): SessionStore {
  const sessionKey = (sid: string) => `${prefix}s:${sid}`;
  const subjectKey = (realm: RealmName, subject: string) =>
    `${prefix}u:${realm}:${subject}`;
  const realmKey = (realm: RealmName) => `${prefix}a:${realm}`;
  const scripts = {
    create: redis.createScript(CREATE),
    rotate: redis.createScript(ROTATE),
    touchOrRevoke: redis.createScript(TOUCH_OR_REVOKE),
    revokeAll: redis.createScript(REVOKE_ALL),
    listLive: redis.createScript(LIST_LIVE),
  };
  const prefixOfSessions = sessionKey('');

  return {
    async create(value, cap) {
      checkPositive('cap', cap);
      const keys = [
        sessionKey(value.sid),
        subjectKey(value.realm, value.subject),
        realmKey(value.realm),
        `${prefix}seq`,
      ];
      const args = [JSON.stringify(record.parse(value)), cap, prefixOfSessions];
      const evicted = await run(scripts.create, keys, [...args, SESSION_RETAIN_SECONDS]);

      return list(evicted);
    },
    async get(sid) {
      const value = await redis.get(sessionKey(sid));

      return value === null ? null : record.parse(value);
    },
    async rotate(sid, presentedJti, nextJti, now, graceSeconds) {
      const args = [presentedJti, nextJti, now, graceSeconds];

      return outcome.parse(await run(scripts.rotate, [sessionKey(sid)], args));
    },
    async touch(sid, now) {
      await run(scripts.touchOrRevoke, [sessionKey(sid)], [now, '']);
    },
    async revoke(sid, reason, now) {
      if (reason === '') throw new RangeError('A revocation needs a reason');

      await run(scripts.touchOrRevoke, [sessionKey(sid)], [now, reason]);
    },
    async revokeAll(realm, subject, reason, now) {
      const keys = [subjectKey(realm, subject)];

      return z
        .number()
        .parse(await run(scripts.revokeAll, keys, [prefixOfSessions, reason, now]));
    },
    async listActive(realm, subject, now = nowSeconds()) {
      // The realm set is scored by expiresAt: entries that ended before now are dropped.
      const key = subject === undefined ? realmKey(realm) : subjectKey(realm, subject);
      const dropBelow = subject === undefined ? Math.min(now, nowSeconds()) : '';
      const found = await run(
        scripts.listLive,
        [key],
        [prefixOfSessions, now, dropBelow],
      );
      const sessions = list(found).map((raw) => stored.parse(JSON.parse(raw)));
      sessions.sort((a, b) => b.createdAt - a.createdAt || b.seq - a.seq);

      return sessions.map((session) => record.parse(session));
    },
  };
}
