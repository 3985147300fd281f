/**
 * "Never answer the same thing twice": the Events API retries an event (same event_id, with
 * X-Slack-Retry-Num) when it did not see our 200 in time, and one user message can arrive both as a
 * `message` and an `app_mention` event. Each key is claimed once with SET NX + TTL in Redis, so the
 * first claim wins across retries, events and processes.
 */
import type { Redis } from "ioredis";

export interface EventDedupe {
  /** True the first time `key` is claimed within the TTL (default: the store's), false afterwards. */
  claim(key: string, ttlSeconds?: number): Promise<boolean>;
}

export function createEventDedupe(redis: Redis, prefix: string, ttlSeconds = 24 * 3600): EventDedupe {
  return {
    async claim(key, ttl = ttlSeconds) {
      const ok = await redis.set(`${prefix}:slack:seen:${key}`, "1", "EX", ttl, "NX");
      return ok === "OK";
    },
  };
}
