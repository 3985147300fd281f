/** An in-memory SubscriptionService for the adapter's tests (the digests issue implements the real one). */
import { randomUUID } from "node:crypto";
import {
  type NewSubscription,
  type Subscription,
  SubscriptionInputError,
  type SubscriptionService,
} from "../../../queue/types.ts";

export function createMemorySubscriptions(): SubscriptionService & { all: Subscription[] } {
  const all: Subscription[] = [];
  return {
    all,
    async subscribe(input: NewSubscription) {
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(input.at))
        throw new SubscriptionInputError(`bad time ${input.at}`);
      try {
        new Intl.DateTimeFormat("en", { timeZone: input.tz });
      } catch {
        throw new SubscriptionInputError(`unknown timezone ${input.tz}`);
      }
      const sub: Subscription = {
        ...input,
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
