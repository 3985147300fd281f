/** A Redis lock with an owner token (SET NX PX), released and extended only by its owner. */
import { randomUUID } from "node:crypto";
import { LuaScript, type Redis } from "./redis.ts";

const RELEASE = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);
const EXTEND = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`);

export class RedisLock {
  readonly #redis: Redis;
  readonly #key: string;
  readonly #ttlMs: number;

  constructor(redis: Redis, key: string, ttlMs: number) {
    this.#redis = redis;
    this.#key = key;
    this.#ttlMs = ttlMs;
  }

  /** The owner token, or null when someone else holds it. */
  async tryAcquire(): Promise<string | null> {
    const token = randomUUID();
    const ok = await this.#redis.set(this.#key, token, "PX", this.#ttlMs, "NX");
    return ok === "OK" ? token : null;
  }

  /** Waits up to `waitMs` for the lock. */
  async acquire(waitMs: number, pollMs = 50): Promise<string | null> {
    const until = Date.now() + waitMs;
    for (;;) {
      const token = await this.tryAcquire();
      if (token || Date.now() >= until) return token;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  async extend(token: string): Promise<boolean> {
    return (await EXTEND.run(this.#redis, [this.#key], [token, this.#ttlMs])) === 1;
  }

  async release(token: string): Promise<void> {
    await RELEASE.run(this.#redis, [this.#key], [token]);
  }
}
