/** An in-memory SubscriptionService for the adapter's tests (the digests issue implements the real one). */
import { randomUUID } from "node:crypto";
import type { NewSubscription, Subscription, SubscriptionService } from "../../../queue/types.ts";
import { validateNewSubscription } from "../../../queue/validate.ts";

export function createMemorySubscriptions(): SubscriptionService & { all: Subscription[] } {
  const all: Subscription[] = [];
  return {
    all,
    async subscribe(input: NewSubscription) {
      // The real service's validation (the same InputErrors), without Redis.
      const valid = validateNewSubscription(input);
      const sub: Subscription = {
        ...valid,
        id: randomUUID().slice(0, 8),
        createdAt: new Date().toISOString(),
        lastDeliveredSlot: null,
        pausedReason: null,
      };
      all.push(sub);
      return sub;
    },
    async list(filter = {}) {
      return all.filter(
        (s) =>
          (filter.platform === undefined || s.platform === filter.platform) &&
          (filter.workspace === undefined || s.workspace === filter.workspace) &&
          (filter.channel === undefined || s.channel === filter.channel),
      );
    },
    async unsubscribe(id) {
      const i = all.findIndex((s) => s.id === id);
      if (i < 0) return false;
      all.splice(i, 1);
      return true;
    },
  };
}
