/**
 * The console's shared state in Redis, seen by every process serving it: sessions ended by logging
 * out, and login attempts per client address. Keys hold hashes of what they are about (a session id,
 * an address), never a usable part of a cookie.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import {
  DEFAULT_LOGIN_LIMIT,
  type EndedSessions,
  type LoginAttempts,
  type LoginLimit,
  retryAfterOf,
} from "../console/auth.ts";
import type { Clock } from "../src/model.ts";

const hashed = (text: string) => createHash("sha256").update(text).digest("base64url");

/** Logged-out console sessions: one key per session, expiring when the session would have. */
export function endedSessionsInRedis(redis: Redis, prefix: string, clock: Clock): EndedSessions {
  const key = (id: string) => `${prefix}:${hashed(id)}`;
  return {
    async add(id, untilMs) {
      const ttl = Math.ceil(untilMs - clock.now().getTime());
      if (ttl > 0) await redis.set(key(id), "1", "PX", ttl);
    },
    async has(id) {
      return (await redis.exists(key(id))) === 1;
    },
  };
}

/**
 * Login attempts per client address: one sorted set per address (attempt times as scores), trimmed to
 * the window on every read and expiring a window after the last attempt, so an address that stops
 * trying leaves nothing behind. A check and the count after it are two round trips: processes racing
 * on one address may let an attempt or two past the limit, never an unbounded number.
 */
export function loginAttemptsInRedis(
  redis: Redis,
  prefix: string,
  clock: Clock,
  limit: LoginLimit = DEFAULT_LOGIN_LIMIT,
): LoginAttempts {
  const key = (client: string) => `${prefix}:${hashed(client)}`;
  return {
    async retryAfter(client) {
      const now = clock.now().getTime();
      const k = key(client);
      const replies = await redis
        .multi()
        .zremrangebyscore(k, "-inf", String(now - limit.windowMs))
        .zrange(k, "0", "-1", "WITHSCORES")
        .exec();
      const flat = (replies?.[1]?.[1] ?? []) as string[];
      const times: number[] = [];
      for (let i = 1; i < flat.length; i += 2) times.push(Number(flat[i]));
      return retryAfterOf(times, limit, now);
    },
    async count(client) {
      const now = clock.now().getTime();
      const k = key(client);
      // Members must differ for two attempts in one millisecond.
      await redis
        .multi()
        .zadd(k, now, `${now}:${randomBytes(6).toString("base64url")}`)
        .zremrangebyrank(k, 0, -(limit.max + 2))
        .pexpire(k, limit.windowMs)
        .exec();
    },
  };
}
