/** An in-memory SubscriptionService with the same validation contract, for adapter tests. */
import { randomUUID } from "node:crypto";
import {
  type NewSubscription,
  type Subscription,
  SubscriptionInputError,
  type SubscriptionService,
} from "../../../queue/types.ts";

export function createMemorySubscriptions(now: () => Date = () => new Date()): SubscriptionService & {
  all: Map<string, Subscription>;
} {
  const all = new Map<string, Subscription>();
  return {
    all,
    async subscribe(input: NewSubscription) {
      const m = /^(\d{1,2}):(\d{2})$/.exec(input.at);
      if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
        throw new SubscriptionInputError(`"${input.at}" is not a time: use 24-hour HH:MM, e.g. 08:00.`);
      }
      try {
        new Intl.DateTimeFormat("en", { timeZone: input.tz });
      } catch {
        throw new SubscriptionInputError(
          `"${input.tz}" is not a timezone I know: use an IANA name such as Europe/Berlin.`,
        );
      }
      if (input.days.length === 0) throw new SubscriptionInputError("Pick at least one day.");
      const sub: Subscription = {
        ...input,
        at: `${m[1]!.padStart(2, "0")}:${m[2]}`,
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
