/** An in-memory SubscriptionService with the same validation contract, for adapter tests. */
import { randomUUID } from "node:crypto";
import type { NewSubscription, Subscription, SubscriptionService } from "../../../queue/types.ts";
import { validateNewSubscription } from "../../../queue/validate.ts";

export function createMemorySubscriptions(now: () => Date = () => new Date()): SubscriptionService & {
  all: Map<string, Subscription>;
} {
  const all = new Map<string, Subscription>();
  return {
    all,
    async subscribe(input: NewSubscription) {
      // The real service's validation (the same InputErrors), without Redis.
      const valid = validateNewSubscription(input);
      const sub: Subscription = {
        ...valid,
        id: randomUUID().slice(0, 8),
        createdAt: now().toISOString(),
        lastDeliveredSlot: null,
        pausedReason: null,
      };
      all.set(sub.id, sub);
      return sub;
    },
    async list(filter = {}) {
      return [...all.values()].filter(
        (s) =>
          (filter.platform === undefined || s.platform === filter.platform) &&
          (filter.workspace === undefined || s.workspace === filter.workspace) &&
          (filter.channel === undefined || s.channel === filter.channel),
      );
    },
    async unsubscribe(id: string) {
      return all.delete(id);
    },
  };
}
