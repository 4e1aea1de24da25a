import 'server-only';
import { Ratelimit } from '@upstash/ratelimit';
import type { Redis } from '@upstash/redis';
import { z } from 'zod';
import { redisAudit } from './redis-audit';
import {
  checkPositive,
  LOGIN_HISTORY_MAX,
  LOGIN_RETAIN_SECONDS,
  StoreUnavailableError,
  type Counters,
  type LoginHistory,
  type RateLimiter,
} from './types';

const PUSH = `
for _, key in ipairs(KEYS) do
  redis.call('LPUSH', key, ARGV[1])
  redis.call('LTRIM', key, 0, tonumber(ARGV[2]) - 1)
  redis.call('EXPIRE', key, ARGV[3])
end
return 1
`;
const INCR = `
local value = redis.call('INCR', KEYS[1])
if value == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return value
`;

const loginEvent = z.object({
  at: z.number(),
  realm: z.enum(['customer', 'admin']),
  subject: z.string(),
  outcome: z.enum(['success', 'failure']),
  reason: z.string(),
  ip: z.string(),
  userAgent: z.string(),
});
function rateLimits(redis: Redis, prefix: string, timeoutMs: number): RateLimiter {
  const limiters = new Map<string, Ratelimit>();
  const limiter = (limit: number, window: number) => {
    const name = `${prefix}rl:${limit}:${window}`;
    const found = limiters.get(name);
    if (found) return found;

    const created = new Ratelimit({
      redis,
      prefix: name,
      limiter: Ratelimit.slidingWindow(limit, `${window} s`),
      timeout: timeoutMs,
      analytics: false,
    });
    limiters.set(name, created);

    return created;
  };

  return {
    async hit(key, limit, windowSeconds) {
      checkPositive('limit', limit);
      checkPositive('windowSeconds', windowSeconds);
      const result = await limiter(limit, windowSeconds).limit(key);
      // The library answers success after `timeout`; here a timeout is never a pass.
      if (result.reason === 'timeout') {
        throw new StoreUnavailableError('Rate limit check timed out');
      }

      const resetAt = Math.ceil(result.reset / 1000);
      return { allowed: result.success, remaining: result.remaining, resetAt };
    },
  };
}

function logins(redis: Redis, prefix: string): LoginHistory {
  const push = redis.createScript(PUSH);
  const subjectKey = (realm: string, subject: string) => `${prefix}l:${realm}:${subject}`;
  const failuresKey = (realm: string) => `${prefix}lf:${realm}`;
  const read = async (key: string, limit: number) =>
    z.array(loginEvent).parse(await redis.lrange(key, 0, limit - 1));

  return {
    async add(event) {
      const keys = [subjectKey(event.realm, event.subject)];
      if (event.outcome === 'failure') keys.push(failuresKey(event.realm));
      const entry = JSON.stringify(loginEvent.parse(event));

      await push.exec(keys, [
        entry,
        String(LOGIN_HISTORY_MAX),
        String(LOGIN_RETAIN_SECONDS),
      ]);
    },
    list: (realm, subject, limit) => read(subjectKey(realm, subject), limit),
    recentFailures: (realm, limit) => read(failuresKey(realm), limit),
  };
}

const NOTE_MARK = 'n:';

function counters(redis: Redis, prefix: string): Counters {
  const incr = redis.createScript(INCR);

  return {
    async incr(name, windowSeconds) {
      checkPositive('windowSeconds', windowSeconds);
      const bucket = Math.floor(Date.now() / 1000 / windowSeconds);
      const key = `${prefix}c:${name}:${windowSeconds}:${bucket}`;

      return z.number().parse(await incr.exec([key], [String(windowSeconds * 2)]));
    },
    async claim(name, ttlSeconds) {
      checkPositive('ttlSeconds', ttlSeconds);
      const set = await redis.set(`${prefix}claim:${name}`, 1, {
        nx: true,
        ex: ttlSeconds,
      });

      return set === 'OK';
    },
    async remember(name, value, ttlSeconds) {
      checkPositive('ttlSeconds', ttlSeconds);
      // The marker keeps the value from looking like JSON, which the Upstash
      // client would otherwise decode into something other than the string.
      await redis.set(`${prefix}note:${name}`, `${NOTE_MARK}${value}`, {
        ex: ttlSeconds,
      });
    },
    async recall(name) {
      const stored = await redis.get<unknown>(`${prefix}note:${name}`);
      if (typeof stored !== 'string' || !stored.startsWith(NOTE_MARK)) return null;

      return stored.slice(NOTE_MARK.length);
    },
  };
}

export function redisRecords(redis: Redis, prefix: string, timeoutMs: number) {
  return {
    rateLimits: rateLimits(redis, prefix, timeoutMs),
    logins: logins(redis, prefix),
    audit: redisAudit(redis, prefix),
    counters: counters(redis, prefix),
  };
}
