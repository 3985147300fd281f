/**
 * The store's Lua scripts. Every write to the articles is one script, so the article, its identity and
 * dedupe entries, the arrival index, the per-source sets and the change-log entry change together.
 * Upserts are optimistic: PROBE reads what an item could match, the process decides, and COMMIT applies
 * the decision only if what PROBE read is still so (else the process probes again). KEYS[1] is the base
 * `<prefix>:store`; per-article and per-source keys are built from it (the store is not Redis Cluster
 * ready, like the rest of Summit's keys). Lists of ids and fields are space-separated: ids and fields
 * never contain whitespace.
 */
import { LuaScript } from "../queue/redis.ts";

const HELPERS = `
local P = KEYS[1]
local IDENT, GONE, DEDUPE, ARR, LOG = P..':ident', P..':gone', P..':dedupe', P..':arrivals', P..':log'
local function split(s)
  local t = {}
  if s then for x in string.gmatch(s, '%S+') do t[#t + 1] = x end end
  return t
end
local function has(t, v)
  for _, x in ipairs(t) do if x == v then return true end end
  return false
end
local function listAdd(h, f, id)
  local cur = redis.call('HGET', h, f)
  if not cur then redis.call('HSET', h, f, id) return end
  if has(split(cur), id) then return end
  redis.call('HSET', h, f, cur .. ' ' .. id)
end
local function listRemove(h, f, id)
  local cur = redis.call('HGET', h, f)
  if not cur then return end
  local keep = {}
  for _, x in ipairs(split(cur)) do if x ~= id then keep[#keep + 1] = x end end
  if #keep == 0 then redis.call('HDEL', h, f) else redis.call('HSET', h, f, table.concat(keep, ' ')) end
end
-- Appends to the change log. The store's epoch is the id of the first entry ever written: when Redis
-- loses the store (a restart without AOF), the next write starts a new epoch and followers reload.
local function appendLog(op, id)
  local entry = redis.call('XADD', LOG, '*', 'op', op, 'id', id)
  redis.call('SET', P .. ':epoch', entry, 'NX')
  return entry
end
-- Removes one article and everything that points at it; its identities stay as tombstones until goneUntil.
local function removeArticle(id, goneUntil)
  local art = P .. ':art:' .. id
  if redis.call('EXISTS', art) == 0 then return 0 end
  local f = redis.call('HMGET', art, 'dk', 'ik', 'srcs')
  for _, d in ipairs(split(f[1])) do listRemove(DEDUPE, d, id) end
  for _, i in ipairs(split(f[2])) do
    if redis.call('HGET', IDENT, i) == id then
      if goneUntil > 0 then redis.call('ZADD', GONE, goneUntil, i) else redis.call('HDEL', IDENT, i) end
    end
  end
  for _, s in ipairs(split(f[3])) do redis.call('SREM', P .. ':src:' .. s, id) end
  redis.call('ZREM', ARR, id)
  redis.call('DEL', art)
  appendLog('remove', id)
  return 1
end
`;

/**
 * What an item could match. ARGV[1] now (ms); ARGV[2] JSON {ik: identity fields in precedence order,
 * dk: dedupe fields}. Returns {identity values, dedupe values, matched live id or '', its
 * {h, rev, at, srcs}, tombstoned id or '', tombstoned fields, per identity 1 if its article exists}.
 */
export const PROBE = new LuaScript(`${HELPERS}
local now = tonumber(ARGV[1])
local q = cjson.decode(ARGV[2])
local idents, tombFields, live = {}, {}, {}
local match, tomb = '', ''
for i, f in ipairs(q.ik) do
  local id = redis.call('HGET', IDENT, f) or ''
  idents[i] = id
  live[i] = 0
  if id ~= '' then
    if redis.call('EXISTS', P .. ':art:' .. id) == 1 then
      live[i] = 1
      if match == '' then match = id end
    else
      local untilMs = redis.call('ZSCORE', GONE, f)
      if untilMs and tonumber(untilMs) > now then
        if tomb == '' then tomb = id end
        tombFields[#tombFields + 1] = f
      end
    end
  end
end
local dedupe = {}
for i, f in ipairs(q.dk) do dedupe[i] = redis.call('HGET', DEDUPE, f) or '' end
local info = {}
if match ~= '' then info = redis.call('HMGET', P .. ':art:' .. match, 'h', 'rev', 'at', 'srcs') end
return {idents, dedupe, match, info, tomb, tombFields, live}
`);

/**
 * Applies an upsert decision if what PROBE saw still holds. ARGV[1] JSON:
 *   {mode: add|update|alias|touch, id, now, ei: [[identity field, expected value]], ed: [[dedupe field,
 *    expected value]], rev (update: expected), ik: identity fields to point at id, src: source id or '',
 *    dk, h, pk, at (add/update), tf + goneUntil (touch)}
 * ARGV[2] the Article JSON, ARGV[3] the extra JSON (guid, publishedAt), for add/update.
 * Returns {1, log entry id or ''} or {0, what changed}.
 */
export const COMMIT = new LuaScript(`${HELPERS}
local m = cjson.decode(ARGV[1])
for _, e in ipairs(m.ei) do
  if (redis.call('HGET', IDENT, e[1]) or '') ~= e[2] then return {0, 'ident'} end
end
for _, e in ipairs(m.ed) do
  if (redis.call('HGET', DEDUPE, e[1]) or '') ~= e[2] then return {0, 'dedupe'} end
end
if m.mode == 'touch' then
  for _, f in ipairs(m.tf) do redis.call('ZADD', GONE, 'XX', m.goneUntil, f) end
  return {1, ''}
end
local art = P .. ':art:' .. m.id
local exists = redis.call('EXISTS', art) == 1
if m.mode == 'add' then
  if exists then return {0, 'exists'} end
else
  if not exists then return {0, 'removed'} end
  if m.mode == 'update' and redis.call('HGET', art, 'rev') ~= m.rev then return {0, 'rev'} end
end
local ik, srcs = {}, {}
if exists then
  local cur = redis.call('HMGET', art, 'ik', 'srcs')
  ik, srcs = split(cur[1]), split(cur[2])
end
for _, f in ipairs(m.ik) do
  redis.call('HSET', IDENT, f, m.id)
  redis.call('ZREM', GONE, f)
  if not has(ik, f) then ik[#ik + 1] = f end
end
if m.src ~= '' and not has(srcs, m.src) then
  srcs[#srcs + 1] = m.src
  redis.call('SADD', P .. ':src:' .. m.src, m.id)
end
if m.mode == 'alias' then
  redis.call('HSET', art, 'ik', table.concat(ik, ' '), 'srcs', table.concat(srcs, ' '))
  return {1, ''}
end
local rev = 1
if m.mode == 'update' then
  rev = tonumber(m.rev) + 1
  for _, d in ipairs(split(redis.call('HGET', art, 'dk'))) do listRemove(DEDUPE, d, m.id) end
end
for _, d in ipairs(m.dk) do listAdd(DEDUPE, d, m.id) end
redis.call('HSET', art, 'a', ARGV[2], 'x', ARGV[3], 'h', m.h, 'pk', m.pk, 'dk', table.concat(m.dk, ' '),
  'ik', table.concat(ik, ' '), 'srcs', table.concat(srcs, ' '), 'rev', rev, 'up', m.now)
if m.mode == 'add' then
  redis.call('HSET', art, 'at', m.at)
  redis.call('ZADD', ARR, m.at, m.id)
end
return {1, appendLog(m.mode, m.id)}
`);

/** Removes one article. ARGV[1] id, ARGV[2] tombstone its identities until (ms; 0 = forget them). */
export const REMOVE = new LuaScript(`${HELPERS}
return removeArticle(ARGV[1], tonumber(ARGV[2]))
`);

/**
 * Retention: removes up to ARGV[2] articles that arrived at or before ARGV[1] (ms), tombstoning their
 * identities until ARGV[3]. Returns how many it removed.
 */
export const EXPIRE = new LuaScript(`${HELPERS}
local ids = redis.call('ZRANGEBYSCORE', ARR, '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, id in ipairs(ids) do removeArticle(id, tonumber(ARGV[3])) end
return #ids
`);

/** Forgets up to ARGV[2] tombstones that ended before ARGV[1] (ms). Returns how many it looked at. */
export const PURGE_TOMBSTONES = new LuaScript(`${HELPERS}
local fs = redis.call('ZRANGEBYSCORE', GONE, '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, f in ipairs(fs) do
  local id = redis.call('HGET', IDENT, f)
  if id and redis.call('EXISTS', P .. ':art:' .. id) == 0 then redis.call('HDEL', IDENT, f) end
  redis.call('ZREM', GONE, f)
end
return #fs
`);
