import 'server-only';
import type { Redis } from '@upstash/redis';
import { z } from 'zod';
import type { AuditEntry, AuditTrail } from './types';

// The audit trail is one sorted set scored by `at`. A member is a 12-digit
// sequence number followed by the entry's JSON: members are unique, and within
// one second a reverse range gives the newest first. The leading zeros also keep
// @upstash/redis from parsing a member as JSON on its way back.

const APPEND = `
local id = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[1], ARGV[1], string.format('%012d', id) .. ARGV[2])
return id
`;
const ID_DIGITS = 12;
const PAGE = 200;

const auditEntry = z.object({
  at: z.number(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  outcome: z.enum(['attempt', 'success', 'failure']),
  ip: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

function fromMember(member: string): AuditEntry {
  const id = String(Number(member.slice(0, ID_DIGITS)));

  return { id, ...auditEntry.parse(JSON.parse(member.slice(ID_DIGITS))) };
}

export function redisAudit(redis: Redis, prefix: string): AuditTrail {
  const append = redis.createScript(APPEND);
  const key = `${prefix}audit`;

  return {
    async append(entry) {
      const json = JSON.stringify(auditEntry.parse(entry));
      await append.exec([key, `${key}:seq`], [String(entry.at), json]);
    },
    // Pages through the time range newest first; actor and action are matched here.
    async list({ actor, action, since, until, limit }) {
      const found: AuditEntry[] = [];
      for (let offset = 0; found.length < limit; offset += PAGE) {
        const page = { byScore: true, rev: true, offset, count: PAGE } as const;
        const members = await redis.zrange<string[]>(
          key,
          until ?? '+inf',
          since ?? '-inf',
          page,
        );
        for (const entry of members.map(fromMember)) {
          const wanted =
            (actor === undefined || entry.actor === actor) &&
            (action === undefined || entry.action === action);
          if (wanted && found.length < limit) found.push(entry);
        }
        if (members.length < PAGE) break;
      }

      return found;
    },
  };
}
