/**
 * The SubscriptionService the adapters' `/summit subscribe` commands and the CLI use: validate, store,
 * schedule (through the scheduler's leader lock).
 */
import type { Clock } from "../src/model.ts";
import { nextSlot } from "./schedule.ts";
import type { DigestScheduler } from "./scheduler.ts";
import type { SubscriptionStore } from "./store.ts";
import type { NewSubscription, Subscription, SubscriptionAdmin } from "./types.ts";
import { validateNewSubscription } from "./validate.ts";

export class RedisSubscriptionService implements SubscriptionAdmin {
  readonly #store: SubscriptionStore;
  readonly #scheduler: DigestScheduler;
  readonly #clock: Clock;

  constructor(deps: { store: SubscriptionStore; scheduler: DigestScheduler; clock: Clock }) {
    this.#store = deps.store;
    this.#scheduler = deps.scheduler;
    this.#clock = deps.clock;
  }

  async subscribe(input: NewSubscription): Promise<Subscription> {
    const valid = validateNewSubscription(input);
    const { subscription } = await this.#store.create(valid, this.#clock.now());
    // Idempotent: re-upserting an existing subscription's scheduler also heals it.
    await this.#scheduler.schedule(subscription);
    return subscription;
  }

  async list(
    filter: { platform?: Subscription["platform"]; workspace?: string | null; channel?: string } = {},
  ) {
    const all = await this.#store.list();
    return all.filter(
      (s) =>
        (filter.platform === undefined || s.platform === filter.platform) &&
        (filter.workspace === undefined || s.workspace === filter.workspace) &&
        (filter.channel === undefined || s.channel === filter.channel),
    );
  }

  async unsubscribe(id: string): Promise<boolean> {
    const removed = await this.#store.remove(id.trim());
    await this.#scheduler.unschedule(id.trim());
    return removed;
  }

  get(id: string): Promise<Subscription | null> {
    return this.#store.get(id.trim());
  }

  async resume(id: string): Promise<boolean> {
    if (!(await this.#store.resume(id))) return false;
    const sub = await this.#store.get(id);
    if (sub) await this.#scheduler.schedule(sub);
    return true;
  }

  nextDelivery(sub: Subscription, from: Date = this.#clock.now()): Date | null {
    return sub.pausedReason ? null : nextSlot(sub, from);
  }
}
