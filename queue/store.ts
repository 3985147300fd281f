/**
 * The subscriptions store on Redis: the source of truth for who gets which digest when. BullMQ job
 * schedulers are derived from it (queue/scheduler.ts) and rebuilt from it when lost.
 *
 * This class owns the subscription keys (`subs`, `subsBySignature`, `subsByChannel`, `lastSlot`, `paused`): everything
 * else goes through it. One exception, for exactly-once: the delivery scripts (deliveries.ts BEGIN and
 * FINISH) read `subs`, `paused` and `lastSlot`, and FINISH moves `lastSlot` forward, inside the same
 * Lua call that checks and settles the delivery record, so "posted" and "last delivered slot" can never
 * disagree. They use the same encodings as this file (JSON in `subs`, epoch ms in `lastSlot`).
 */

import { inputError } from "../src/errors.ts";
import type { DigestKeys } from "./keys.ts";
import { LuaScript, type Redis } from "./redis.ts";
import {
  channelKey,
  type NewSubscription,
  newSubscriptionId,
  type StoredSubscription,
  type Subscription,
  signature,
} from "./subscription.ts";
import { MAX_SUBSCRIPTIONS_PER_CHANNEL } from "./validate.ts";

/**
 * Create unless the same channel already has the same schedule (returns the id that holds it), or
 * unless the channel already holds ARGV[5] subscriptions ({-2}). The per-channel count lives in
 * KEYS[3]; a channel with no count yet (subscriptions stored before it existed) is counted once.
 */
const CREATE = new LuaScript(`
local existing = redis.call('HGET', KEYS[2], ARGV[2])
if existing and redis.call('HEXISTS', KEYS[1], existing) == 1 then return {0, existing} end
local held = tonumber(redis.call('HGET', KEYS[3], ARGV[4]))
if not held then
  held = 0
  for _, raw in ipairs(redis.call('HVALS', KEYS[1])) do
    local ok, d = pcall(cjson.decode, raw)
    if ok and type(d) == 'table' then
      local w = d.workspace
      if w == nil or w == cjson.null then w = '' end
      if d.platform == ARGV[6] and w == ARGV[7] and d.channel == ARGV[8] then held = held + 1 end
    end
  end
  redis.call('HSET', KEYS[3], ARGV[4], held)
end
if held >= tonumber(ARGV[5]) then return {-2, ''} end
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[3]) == 0 then return {-1, ARGV[1]} end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
redis.call('HINCRBY', KEYS[3], ARGV[4], 1)
return {1, ARGV[1]}
`);

/** Pause with a reason, only while the subscription exists (so a removed one leaves nothing behind). */
const PAUSE = new LuaScript(`
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 1
`);

const REMOVE = new LuaScript(`
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
if ARGV[2] ~= '' and redis.call('HGET', KEYS[2], ARGV[2]) == ARGV[1] then redis.call('HDEL', KEYS[2], ARGV[2]) end
if ARGV[3] ~= '' and tonumber(redis.call('HGET', KEYS[5], ARGV[3]) or '0') > 0 then
  redis.call('HINCRBY', KEYS[5], ARGV[3], -1)
end
return 1
`);

export class SubscriptionStore {
  readonly #redis: Redis;
  readonly #keys: DigestKeys;

  constructor(redis: Redis, keys: DigestKeys) {
    this.#redis = redis;
    this.#keys = keys;
  }

  /** Stores a validated subscription; `created` is false when the same one already existed. */
  async create(input: NewSubscription, now: Date): Promise<{ subscription: Subscription; created: boolean }> {
    const k = this.#keys;
    for (let tries = 0; tries < 5; tries++) {
      const stored: StoredSubscription = { id: newSubscriptionId(), ...input, createdAt: now.toISOString() };
      const [status, id] = (await CREATE.run(
        this.#redis,
        [k.subs, k.subsBySignature, k.subsByChannel],
        [
          stored.id,
          signature(stored),
          JSON.stringify(stored),
          channelKey(stored),
          String(MAX_SUBSCRIPTIONS_PER_CHANNEL),
          stored.platform,
          stored.workspace ?? "",
          stored.channel,
        ],
      )) as [number, string];
      if (status === -2) throw inputError("too_many_subscriptions", MAX_SUBSCRIPTIONS_PER_CHANNEL);
      if (status === 1)
        return { subscription: { ...stored, lastDeliveredSlot: null, pausedReason: null }, created: true };
      if (status === 0) {
        const existing = await this.get(id);
        if (existing) return { subscription: existing, created: false };
      }
    }
    throw new Error("could not allocate a subscription id");
  }

  async get(id: string): Promise<Subscription | null> {
    const k = this.#keys;
    const [raw, last, paused] = await Promise.all([
      this.#redis.hget(k.subs, id),
      this.#redis.hget(k.lastSlot, id),
      this.#redis.hget(k.paused, id),
    ]);
    return raw ? inflate(raw, last, paused) : null;
  }

  async list(): Promise<Subscription[]> {
    const k = this.#keys;
    const [all, last, paused] = await Promise.all([
      this.#redis.hgetall(k.subs),
      this.#redis.hgetall(k.lastSlot),
      this.#redis.hgetall(k.paused),
    ]);
    return Object.entries(all)
      .map(([id, raw]) => inflate(raw, last[id] ?? null, paused[id] ?? null))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async remove(id: string): Promise<boolean> {
    const k = this.#keys;
    const raw = await this.#redis.hget(k.subs, id);
    const stored = raw ? parseStored(raw) : null;
    const removed = await REMOVE.run(
      this.#redis,
      [k.subs, k.subsBySignature, k.lastSlot, k.paused, k.subsByChannel],
      [id, stored ? signature(stored) : "", stored ? channelKey(stored) : ""],
    );
    return removed === 1;
  }

  /**
   * Where and about what a subscription delivers, in one read (the worker's fallback for jobs that do
   * not carry it); null when there is no such subscription.
   */
  async definition(id: string): Promise<StoredSubscription | null> {
    const raw = await this.#redis.hget(this.#keys.subs, id);
    return raw ? parseStored(raw) : null;
  }

  /**
   * Pauses a subscription with a reason users see (`subscriptions` lists it) until `resume`; the digest
   * worker calls it after a permanent delivery failure. Atomic: false, and nothing written, when there
   * is no such subscription.
   */
  async pause(id: string, reason: string): Promise<boolean> {
    const k = this.#keys;
    return (await PAUSE.run(this.#redis, [k.subs, k.paused], [id, reason])) === 1;
  }

  async resume(id: string): Promise<boolean> {
    if (!(await this.#redis.hexists(this.#keys.subs, id))) return false;
    await this.#redis.hdel(this.#keys.paused, id);
    return true;
  }
}

/** A subscription as stored in `subs` (JSON), without its delivery state. */
export function parseStored(raw: string): StoredSubscription {
  return JSON.parse(raw) as StoredSubscription;
}

export function inflate(raw: string, last: string | null, paused: string | null): Subscription {
  const stored = parseStored(raw);
  return {
    ...stored,
    lastDeliveredSlot: last ? new Date(Number(last)).toISOString() : null,
    pausedReason: paused || null,
  };
}
