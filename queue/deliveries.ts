/**
 * Delivery records: one Redis hash per (subscription, slot) saying whether that digest was posted, with
 * the platform's message id. With a short-lived claim (so two workers never post the same slot at once)
 * and per-channel pacing, all checked in ONE Lua call before posting and settled in one after.
 *
 * States: posting (an attempt started; if it crashed after the platform accepted the post, the retry
 * re-sends with the same idempotency key and the sender dedupes) → posted | pending (not posted, will
 * retry) | failed (permanent).
 *
 * BEGIN also reads the subscription (exists? paused? last delivered slot?) and FINISH moves its last
 * delivered slot forward: those keys belong to the subscriptions store (store.ts), and are touched here
 * only inside these scripts, so the check and the record are one atomic step (exactly once).
 */
import { type DigestKeys, parseDeliveryKey } from "./keys.ts";
import { LuaScript, type Redis } from "./redis.ts";

/** Records outlive any retry and any late duplicate of a slot job. */
export const DELIVERY_RECORD_TTL_MS = 14 * 24 * 3600 * 1000;

// The claim lives in the record itself (owner token + ownerUntil, epoch ms by Redis's clock), so a
// delivery touches one hash; few commands per call keep Redis's share per job small.
const BEGIN = new LuaScript(`
-- ARGV[8] == '0': the job carries what the worker needs, so only check the subscription exists (a
-- smaller reply); else return its JSON.
local sub
if ARGV[8] == '0' then
  if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return {'gone', '', ''} end
  sub = ''
else
  sub = redis.call('HGET', KEYS[1], ARGV[1])
  if not sub then return {'gone', '', ''} end
end
local paused = redis.call('HGET', KEYS[3], ARGV[1])
if paused then return {'paused', sub, paused} end
local rec = redis.call('HMGET', KEYS[4], 'state', 'messageId', 'owner', 'ownerUntil', 'attempts')
if rec[1] == 'posted' then return {'posted', sub, rec[2] or ''} end
local last = redis.call('HGET', KEYS[2], ARGV[1]) or ''
if ARGV[6] == '1' and last ~= '' and tonumber(last) >= tonumber(ARGV[2]) then return {'stale', sub, last} end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ownerUntil = tonumber(rec[4] or '0')
if rec[3] and rec[3] ~= '' and rec[3] ~= ARGV[3] and ownerUntil > now then
  return {'busy', sub, tostring(ownerUntil - now)}
end
local interval = tonumber(ARGV[5])
if interval > 0 then
  local nextAt = tonumber(redis.call('GET', KEYS[5]) or '0')
  if nextAt > now then return {'wait', sub, tostring(nextAt - now)} end
  redis.call('SET', KEYS[5], tostring(now + interval), 'PX', interval + 1000)
end
local attempt = tonumber(rec[5] or '0') + 1
-- Subscription id and slot are not stored: the record's key says them (parseDeliveryKey).
redis.call('HSET', KEYS[4], 'state', 'posting', 'owner', ARGV[3], 'ownerUntil', tostring(now + tonumber(ARGV[4])),
  'attempts', tostring(attempt), 'startedAt', tostring(now))
redis.call('PEXPIRE', KEYS[4], ARGV[7])
return {'go', sub, last, rec[1] or '', tostring(attempt)}
`);

const FINISH = new LuaScript(`
-- No PEXPIRE here: BEGIN, which every FINISH follows, set the record's 14-day TTL.
redis.call('HSET', KEYS[1], 'state', 'posted', 'messageId', ARGV[3], 'postedAt', ARGV[4], 'owner', '', 'error', '')
if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 1 then
  local cur = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '-1')
  if cur < tonumber(ARGV[2]) then redis.call('HSET', KEYS[2], ARGV[1], ARGV[2]) end
end
return 1
`);

/** Settles an attempt that did not post: pending (will retry) or failed (permanent); frees the claim. */
const ABORT = new LuaScript(`
local rec = redis.call('HMGET', KEYS[1], 'state', 'owner', 'rateLimited')
local limited = tonumber(rec[3] or '0')
if rec[1] ~= 'posted' then
  if ARGV[4] == '1' then limited = limited + 1 end
  redis.call('HSET', KEYS[1], 'state', ARGV[2], 'error', ARGV[3], 'rateLimited', tostring(limited))
  if rec[2] == ARGV[1] then redis.call('HSET', KEYS[1], 'owner', '') end
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
end
return limited
`);

/** Pushes a channel's next allowed post time out (after a 429), never pulling it in. */
const PENALIZE = new LuaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local until_ = now + tonumber(ARGV[1])
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ > cur then redis.call('SET', KEYS[1], tostring(until_), 'PX', tonumber(ARGV[1]) + 1000) end
return 1
`);

export type BeginResult =
  | { kind: "gone" }
  | { kind: "paused"; sub: string; reason: string }
  | { kind: "posted"; sub: string; messageId: string }
  | { kind: "stale"; sub: string; lastSlot: number }
  | { kind: "busy"; sub: string; retryInMs: number }
  | { kind: "wait"; sub: string; retryInMs: number }
  | { kind: "go"; sub: string; lastSlot: number | null; previousState: string; attempt: number };

export interface DeliveryRecord {
  state: "posting" | "posted" | "pending" | "failed";
  subscriptionId: string;
  slot: number;
  attempts: number;
  messageId: string | null;
  error: string | null;
  rateLimited: number;
  /** When the latest attempt took its claim and its pacing slot (epoch ms, Redis's clock). */
  startedAt: number | null;
}

export class DeliveryRecords {
  readonly #redis: Redis;
  readonly #keys: DigestKeys;

  constructor(redis: Redis, keys: DigestKeys) {
    this.#redis = redis;
    this.#keys = keys;
  }

  /**
   * Decides, atomically, whether this worker may post `key` now: not when the subscription is gone or
   * paused, the slot is already posted or superseded, another worker holds the claim, or the channel's
   * pacing says wait. On "go" it holds the claim for `claimTtlMs` and has reserved the channel's next slot.
   */
  async begin(args: {
    key: string;
    subscriptionId: string;
    slot: number;
    token: string;
    claimTtlMs: number;
    paceTarget: string;
    paceIntervalMs: number;
    /** Scheduled slots older than the last delivered one are skipped; manual sends are not. */
    skipIfSuperseded: boolean;
    /** Return the subscription's JSON as `sub` (else "": the caller already knows what it needs). */
    wantSubscription?: boolean;
  }): Promise<BeginResult> {
    const k = this.#keys;
    const r = (await BEGIN.run(
      this.#redis,
      [k.subs, k.lastSlot, k.paused, k.delivery(args.key), k.pace(args.paceTarget)],
      [
        args.subscriptionId,
        args.slot,
        args.token,
        args.claimTtlMs,
        args.paceIntervalMs,
        args.skipIfSuperseded ? "1" : "0",
        DELIVERY_RECORD_TTL_MS,
        args.wantSubscription === false ? "0" : "1",
      ],
    )) as string[];
    const [kind, sub = "", a = "", b = "", c = "0"] = r;
    switch (kind) {
      case "gone":
        return { kind };
      case "paused":
        return { kind, sub, reason: a };
      case "posted":
        return { kind, sub, messageId: a };
      case "stale":
        return { kind, sub, lastSlot: Number(a) };
      case "busy":
      case "wait":
        return { kind, sub, retryInMs: Math.max(1, Number(a)) };
      case "go":
        return { kind, sub, lastSlot: a === "" ? null : Number(a), previousState: b, attempt: Number(c) };
      default:
        throw new Error(`unexpected delivery state ${kind}`);
    }
  }

  /** Records the post (message id) and the subscription's last delivered slot, and frees the claim. */
  async finish(args: {
    key: string;
    subscriptionId: string;
    slot: number;
    messageId: string;
    token: string;
    now: Date;
    /** Move the subscription's last delivered slot forward (never backwards). */
    updateLastSlot: boolean;
  }): Promise<void> {
    const k = this.#keys;
    await FINISH.run(
      this.#redis,
      [k.delivery(args.key), k.lastSlot, args.updateLastSlot ? k.subs : `${k.subs}:none`],
      [args.subscriptionId, args.slot, args.messageId, args.now.toISOString()],
    );
  }

  /** Returns how many times this delivery has been rate limited so far. */
  async abort(args: {
    key: string;
    token: string;
    /** "posting" when the post may have happened (kept uncertain), else pending (retry) or failed. */
    state: "posting" | "pending" | "failed";
    error: string;
    rateLimited?: boolean;
  }): Promise<number> {
    const k = this.#keys;
    return (await ABORT.run(
      this.#redis,
      [k.delivery(args.key)],
      [
        args.token,
        args.state,
        args.error.slice(0, 500),
        args.rateLimited ? "1" : "0",
        DELIVERY_RECORD_TTL_MS,
      ],
    )) as number;
  }

  async penalize(paceTarget: string, ms: number): Promise<void> {
    await PENALIZE.run(this.#redis, [this.#keys.pace(paceTarget)], [Math.max(1, Math.ceil(ms))]);
  }

  async get(key: string): Promise<DeliveryRecord | null> {
    const h = await this.#redis.hgetall(this.#keys.delivery(key));
    if (!h.state) return null;
    const { subscriptionId, slot } = parseDeliveryKey(key);
    return {
      state: h.state as DeliveryRecord["state"],
      subscriptionId,
      slot,
      attempts: Number(h.attempts ?? 0),
      messageId: h.messageId || null,
      error: h.error || null,
      rateLimited: Number(h.rateLimited ?? 0),
      startedAt: h.startedAt ? Number(h.startedAt) : null,
    };
  }
}
