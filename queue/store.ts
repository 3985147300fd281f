/**
 * The subscriptions store on Redis: the source of truth for who gets which digest when. BullMQ job
 * schedulers are derived from it (queue/scheduler.ts) and rebuilt from it when lost.
 */
import { randomBytes } from "node:crypto";
import type { DigestKeys } from "./keys.ts";
import { LuaScript, type Redis } from "./redis.ts";
import type { NewSubscription, Subscription } from "./types.ts";

type StoredSubscription = Omit<Subscription, "lastDeliveredSlot" | "pausedReason">;

/** Create unless the same channel already has the same schedule; returns the id that holds it. */
const CREATE = new LuaScript(`
local existing = redis.call('HGET', KEYS[2], ARGV[2])
if existing and redis.call('HEXISTS', KEYS[1], existing) == 1 then return {0, existing} end
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[3]) == 0 then return {-1, ARGV[1]} end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
return {1, ARGV[1]}
`);

/** Record a delivered slot, never moving backwards. */
const MARK_DELIVERED = new LuaScript(`
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
local cur = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '-1')
if cur >= tonumber(ARGV[2]) then return 0 end
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
return 1
`);

export function newSubscriptionId(): string {
  // 8 base-36 characters: ~2.8e12 ids; collisions are checked with HSETNX anyway.
  const n = randomBytes(6).readUIntBE(0, 6);
  return `sub_${n.toString(36).padStart(8, "0").slice(-8)}`;
}

/** What makes two subscriptions the same delivery. */
export function signature(s: NewSubscription | StoredSubscription): string {
  const topics = s.topics.map((t) => t.toLowerCase()).sort();
  return JSON.stringify([s.platform, s.workspace, s.channel, s.at, s.tz, s.days, topics]);
}

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
        [k.subs, k.subsBySignature],
        [stored.id, signature(stored), JSON.stringify(stored)],
      )) as [number, string];
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
    const sig = raw ? signature(JSON.parse(raw) as StoredSubscription) : "";
    const removed = await REMOVE.run(
      this.#redis,
      [k.subs, k.subsBySignature, k.lastSlot, k.paused],
      [id, sig],
    );
    return removed === 1;
  }

  /** True when `slotMs` is newer than the last delivered slot (and is now recorded). */
  async markDelivered(id: string, slotMs: number): Promise<boolean> {
    const k = this.#keys;
    return (await MARK_DELIVERED.run(this.#redis, [k.subs, k.lastSlot], [id, slotMs])) === 1;
  }

  async pause(id: string, reason: string): Promise<void> {
    if (await this.#redis.hexists(this.#keys.subs, id)) await this.#redis.hset(this.#keys.paused, id, reason);
  }

  async resume(id: string): Promise<boolean> {
    if (!(await this.#redis.hexists(this.#keys.subs, id))) return false;
    await this.#redis.hdel(this.#keys.paused, id);
    return true;
  }
}

export function inflate(raw: string, last: string | null, paused: string | null): Subscription {
  const stored = JSON.parse(raw) as StoredSubscription;
  return {
    ...stored,
    lastDeliveredSlot: last ? new Date(Number(last)).toISOString() : null,
    pausedReason: paused || null,
  };
}
