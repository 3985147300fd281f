/**
 * The one in-memory subscriptions service for tests and benches that need no Redis (adapters, use
 * cases). It validates with the queue's own validator and keeps the Redis store's rules (the same
 * delivery twice is one subscription, at most MAX_SUBSCRIPTIONS_PER_CHANNEL per channel, listing
 * order, pause/resume), and tests/queue/subscriptions
 * .conformance.test.ts runs the same cases against it and the Redis service, so it cannot drift.
 */
import { nextSlot } from "../../queue/schedule.ts";
import {
  channelKey,
  type NewSubscription,
  newSubscriptionId,
  type Subscription,
  signature,
} from "../../queue/subscription.ts";
import type { SubscriptionAdmin } from "../../queue/types.ts";
import { MAX_SUBSCRIPTIONS_PER_CHANNEL, validateNewSubscription } from "../../queue/validate.ts";
import { inputError } from "../../src/errors.ts";
import { type Clock, systemClock } from "../../src/model.ts";

type Filter = Parameters<SubscriptionAdmin["list"]>[0];

/** Methods are bound (arrow properties), so `const { subscribe } = subs` works as with a plain object. */
export class MemorySubscriptions implements SubscriptionAdmin {
  readonly #byId = new Map<string, Subscription>();
  readonly #clock: Clock;

  constructor(opts: { clock?: Clock } = {}) {
    this.#clock = opts.clock ?? systemClock;
  }

  subscribe = async (input: NewSubscription): Promise<Subscription> => {
    const valid = validateNewSubscription(input);
    const sig = signature(valid);
    for (const existing of this.#byId.values()) if (signature(existing) === sig) return { ...existing };
    const channel = channelKey(valid);
    const held = [...this.#byId.values()].filter((s) => channelKey(s) === channel).length;
    if (held >= MAX_SUBSCRIPTIONS_PER_CHANNEL)
      throw inputError("too_many_subscriptions", MAX_SUBSCRIPTIONS_PER_CHANNEL);
    let id = newSubscriptionId();
    while (this.#byId.has(id)) id = newSubscriptionId();
    const sub: Subscription = {
      id,
      ...valid,
      createdAt: this.#clock.now().toISOString(),
      lastDeliveredSlot: null,
      pausedReason: null,
    };
    this.#byId.set(id, sub);
    return { ...sub };
  };

  list = async (filter: Filter = {}): Promise<Subscription[]> => {
    return [...this.#byId.values()]
      .filter(
        (s) =>
          (filter.platform === undefined || s.platform === filter.platform) &&
          (filter.workspace === undefined || s.workspace === filter.workspace) &&
          (filter.channel === undefined || s.channel === filter.channel),
      )
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .map((s) => ({ ...s }));
  };

  unsubscribe = async (id: string): Promise<boolean> => {
    return this.#byId.delete(id.trim());
  };

  get = async (id: string): Promise<Subscription | null> => {
    const sub = this.#byId.get(id.trim());
    return sub ? { ...sub } : null;
  };

  /** What the digest worker does after a permanent delivery failure (SubscriptionStore.pause). */
  pause = async (id: string, reason: string): Promise<boolean> => {
    const sub = this.#byId.get(id);
    if (!sub) return false;
    sub.pausedReason = reason;
    return true;
  };

  resume = async (id: string): Promise<boolean> => {
    const sub = this.#byId.get(id);
    if (!sub) return false;
    sub.pausedReason = null;
    return true;
  };

  nextDelivery = (sub: Subscription, from: Date = this.#clock.now()): Date | null => {
    return sub.pausedReason ? null : nextSlot(sub, from);
  };
}

/** A fresh in-memory service (the shape the adapters' test drivers take). */
export function createMemorySubscriptions(opts: { clock?: Clock } = {}): MemorySubscriptions {
  return new MemorySubscriptions(opts);
}
