import 'server-only';

// Lua for every multi-step session change, so each runs atomically on the Redis
// server (plain Redis or Upstash). A record is one JSON string under
// `<prefix>s:<sid>`; `<prefix>u:<realm>:<subject>` holds a subject's sids scored by
// createdAt; `<prefix>a:<realm>` holds a realm's sids scored by expiresAt. Records
// get a `seq` so that sessions created in the same second keep their order. Lists
// come back as one JSON string, which @upstash/redis parses exactly once.

const LIVE = `
local function live(rec, now)
  return rec.revokedAt == cjson.null and rec.expiresAt > now
end
`;

/** KEYS: record, subject set, realm set, seq. ARGV: record JSON, cap, prefix, retain. */
export const CREATE = `${LIVE}
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.error_reply('ERR a session with this sid exists')
end
local rec = cjson.decode(ARGV[1])
local cap = tonumber(ARGV[2])
rec.seq = redis.call('INCR', KEYS[4])
local keepUntil = string.format('%d', rec.expiresAt + tonumber(ARGV[4]))
redis.call('SET', KEYS[1], cjson.encode(rec), 'EXAT', keepUntil)
redis.call('ZADD', KEYS[2], rec.createdAt, rec.sid)
redis.call('ZADD', KEYS[3], rec.expiresAt, rec.sid)
local others = {}
for _, sid in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local raw = redis.call('GET', ARGV[3] .. sid)
  if not raw then
    redis.call('ZREM', KEYS[2], sid)
  elseif sid ~= rec.sid then
    local other = cjson.decode(raw)
    if live(other, rec.createdAt) then table.insert(others, other) end
  end
end
table.sort(others, function(a, b)
  if a.createdAt ~= b.createdAt then return a.createdAt < b.createdAt end
  return a.seq < b.seq
end)
local evicted = {}
for i = 1, #others + 1 - cap do
  local other = others[i]
  other.revokedAt = rec.createdAt
  other.revokedReason = 'evicted'
  redis.call('SET', ARGV[3] .. other.sid, cjson.encode(other), 'KEEPTTL')
  table.insert(evicted, other.sid)
end
return cjson.encode(evicted)
`;

/** KEYS: record. ARGV: presented jti, next jti, now, grace seconds. */
export const ROTATE = `${LIVE}
local raw = redis.call('GET', KEYS[1])
if not raw then return 'gone' end
local rec = cjson.decode(raw)
local now = tonumber(ARGV[3])
if not live(rec, now) then return 'gone' end
local outcome = 'rotated'
if rec.jti == ARGV[1] then
  rec.prevJti = rec.jti
  rec.jti = ARGV[2]
  rec.rotatedAt = now
elseif rec.prevJti == ARGV[1] and rec.rotatedAt ~= cjson.null
    and now - rec.rotatedAt <= tonumber(ARGV[4]) then
  return 'raced'
else
  rec.revokedAt = now
  rec.revokedReason = 'reuse'
  outcome = 'reused'
end
redis.call('SET', KEYS[1], cjson.encode(rec), 'KEEPTTL')
return outcome
`;

/** KEYS: record. ARGV: now, and a reason to revoke (touches when empty). */
export const TOUCH_OR_REVOKE = `${LIVE}
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local rec = cjson.decode(raw)
local now = tonumber(ARGV[1])
if ARGV[2] == '' then
  if not live(rec, now) then return 0 end
  rec.lastSeenAt = now
elseif rec.revokedAt == cjson.null then
  rec.revokedAt = now
  rec.revokedReason = ARGV[2]
else
  return 0
end
redis.call('SET', KEYS[1], cjson.encode(rec), 'KEEPTTL')
return 1
`;

/** KEYS: subject set. ARGV: prefix, reason, now. Returns how many were revoked. */
export const REVOKE_ALL = `${LIVE}
local now = tonumber(ARGV[3])
local count = 0
for _, sid in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local raw = redis.call('GET', ARGV[1] .. sid)
  local rec = raw and cjson.decode(raw)
  if rec and live(rec, now) then
    rec.revokedAt = now
    rec.revokedReason = ARGV[2]
    redis.call('SET', ARGV[1] .. sid, cjson.encode(rec), 'KEEPTTL')
    count = count + 1
  end
end
return count
`;

/** KEYS: subject or realm set. ARGV: prefix, now, drop realm entries scored below. */
export const LIST_LIVE = `${LIVE}
local now = tonumber(ARGV[2])
if ARGV[3] ~= '' then redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3]) end
local found = {}
for _, sid in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local raw = redis.call('GET', ARGV[1] .. sid)
  if not raw then
    redis.call('ZREM', KEYS[1], sid)
  elseif live(cjson.decode(raw), now) then
    table.insert(found, raw)
  end
end
return cjson.encode(found)
`;
