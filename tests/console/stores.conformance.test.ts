/**
 * The console's shared stores (ended sessions, login attempts): one set of cases run against every
 * implementation — this process's memory and Redis (real Redis on 127.0.0.1) — and the limit shared by
 * two console processes on one Redis.
 */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endedSessionsInRedis, loginAttemptsInRedis } from "../../app/consoleStores.ts";
import {
  ConsoleAuth,
  type EndedSessions,
  endedSessionsInMemory,
  type LoginAttempts,
  type LoginLimit,
  loginAttemptsInMemory,
} from "../../console/auth.ts";
import { deletePrefix, REDIS_URL, uniquePrefix } from "../queue/helpers.ts";

let redis: Redis;
const prefix = uniquePrefix();
beforeAll(() => {
  redis = new Redis(REDIS_URL);
});
afterAll(async () => {
  await deletePrefix(prefix);
  redis.disconnect();
});

/** A clock the test moves. */
function clock(start = 1_000_000) {
  let now = start;
  return {
    now: () => new Date(now),
    ms: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const LIMIT: LoginLimit = { max: 3, windowMs: 60_000 };
let n = 0;
const attemptStores: [string, (c: ReturnType<typeof clock>) => LoginAttempts][] = [
  ["memory", (c) => loginAttemptsInMemory(c.ms, LIMIT)],
  ["redis", (c) => loginAttemptsInRedis(redis, `${prefix}:attempts:${n++}`, c, LIMIT)],
];
const endedStores: [string, (c: ReturnType<typeof clock>) => EndedSessions][] = [
  ["memory", (c) => endedSessionsInMemory(c.ms)],
  ["redis", (c) => endedSessionsInRedis(redis, `${prefix}:ended:${n++}`, c)],
];

describe.each(attemptStores)("login attempts (%s)", (_name, make) => {
  it("limits an address after `max` attempts in the window, until the oldest leaves it", async () => {
    const c = clock();
    const store = make(c);
    for (let i = 0; i < 3; i++) {
      expect(await store.retryAfter("10.0.0.1")).toBe(0);
      await store.count("10.0.0.1");
      c.advance(10_000);
    }
    // Attempts at 0, 10 and 20 s; now 30 s: the one at 0 s leaves the window at 60 s.
    expect(await store.retryAfter("10.0.0.1")).toBe(30);
    expect(await store.retryAfter("10.0.0.2")).toBe(0);
    c.advance(30_000);
    expect(await store.retryAfter("10.0.0.1")).toBe(0);
  });

  it("counts two attempts in the same millisecond as two", async () => {
    const c = clock();
    const store = make(c);
    for (let i = 0; i < 3; i++) await store.count("::1");
    expect(await store.retryAfter("::1")).toBe(60);
  });
});

describe.each(endedStores)("ended sessions (%s)", (_name, make) => {
  it("remembers an ended session until it would have expired, and only that one", async () => {
    // Redis forgets by its own clock (PX), so this case runs on real time, briefly.
    const real = { now: () => new Date(), ms: () => Date.now(), advance: () => {} };
    const store = make(real);
    await store.add("s1", Date.now() + 80);
    expect(await store.has("s1")).toBe(true);
    expect(await store.has("s2")).toBe(false);
    await new Promise((r) => setTimeout(r, 150));
    expect(await store.has("s1")).toBe(false);
  });
});

describe("two console processes on one Redis", () => {
  it("share one limit on password guesses: guesses split between them are counted together", async () => {
    const c = clock();
    const attempts = () => loginAttemptsInRedis(redis, `${prefix}:shared`, c, LIMIT);
    const one = new ConsoleAuth({ token: "t", now: c.ms, attempts: attempts() });
    const two = new ConsoleAuth({ token: "t", now: c.ms, attempts: attempts() });
    expect(await one.login("10.0.0.7", "guess1")).toBe("wrong");
    expect(await two.login("10.0.0.7", "guess2")).toBe("wrong");
    expect(await one.login("10.0.0.7", "guess3")).toBe("wrong");
    // The fourth guess is refused by either process, right token or not.
    expect(await two.login("10.0.0.7", "t")).toEqual({ limited: 60 });
    expect(await one.login("10.0.0.7", "t")).toEqual({ limited: 60 });
    // Control: each process with its own memory would have allowed it.
    const solo = new ConsoleAuth({ token: "t", now: c.ms, loginLimit: LIMIT });
    expect(await solo.login("10.0.0.7", "guess1")).toBe("wrong");
    expect(await solo.login("10.0.0.7", "t")).toBe("ok");
  });

  it("keeps no address in the clear and nothing past the window", async () => {
    const c = clock();
    const store = loginAttemptsInRedis(redis, `${prefix}:keys`, c, LIMIT);
    await store.count("203.0.113.9");
    const keys = await redis.keys(`${prefix}:keys:*`);
    expect(keys.length).toBe(1);
    expect(keys[0]).not.toContain("203.0.113.9");
    const ttl = await redis.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(LIMIT.windowMs);
  });
});
