/**
 * Redis connections for the digest system, a quick reachability probe that fails in about a second
 * with one readable line (instead of ioredis retrying forever), and a tiny Lua script runner.
 */
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { SummitError } from "../src/errors.ts";
import { message } from "../src/messages.ts";
import { plainText } from "../src/present/richText.ts";

export type { Redis };

/** Redis cannot be reached (or REDIS_URL is not a URL): one readable line, from the catalogue. */
export class RedisUnavailableError extends SummitError {
  override readonly name: string = "RedisUnavailableError";
  constructor(code: "redis_unavailable" | "redis_url_invalid", where: string, detail: string) {
    const userMessage = message(code, where, detail);
    super(code, plainText(userMessage), { userMessage });
  }
}

/** The URL without credentials, safe for logs and error messages. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    if (u.username) u.username = "***";
    return u.toString().replace(/\/$/, "");
  } catch {
    return "(invalid REDIS_URL)";
  }
}

/**
 * A connection for commands (store, delivery records, pacing) or, with `bullmq: true`, one BullMQ can
 * block on (BullMQ requires maxRetriesPerRequest: null there).
 */
export function createRedis(url: string, opts: { bullmq?: boolean; name?: string } = {}): Redis {
  return new Redis(url, {
    connectTimeout: 5_000,
    maxRetriesPerRequest: opts.bullmq ? null : 3,
    retryStrategy: (times: number) => Math.min(times * 200, 2_000),
    // Commands issued in the same tick by concurrent jobs go out in one write (fewer syscalls).
    enableAutoPipelining: !opts.bullmq,
    ...(opts.name ? { connectionName: opts.name } : {}),
  });
}

/** Connects once, without retries, and PINGs; throws RedisUnavailableError (one line) when it cannot. */
export async function assertRedisReachable(url: string, timeoutMs = 1_500): Promise<void> {
  let probe: Redis;
  try {
    probe = new Redis(url, {
      lazyConnect: true,
      connectTimeout: timeoutMs,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
      disconnectTimeout: 50, // else a refused probe keeps the process alive for 2 s
    });
  } catch (err) {
    throw new RedisUnavailableError("redis_url_invalid", redactRedisUrl(url), describe(err));
  }
  let cause: unknown = null;
  probe.on("error", (err) => {
    cause ??= err; // the socket error (e.g. ECONNREFUSED) says more than "Connection is closed"
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([probe.connect().then(() => probe.ping()), deadline]);
  } catch (err) {
    throw new RedisUnavailableError("redis_unavailable", redactRedisUrl(url), describe(cause ?? err));
  } finally {
    clearTimeout(timer);
    probe.disconnect();
  }
}

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return e.code ?? e.message ?? String(err);
}

/** A Lua script run with EVALSHA, loaded with EVAL the first time a server has not seen it. */
export class LuaScript {
  readonly lua: string;
  readonly sha: string;
  constructor(lua: string) {
    this.lua = lua;
    this.sha = createHash("sha1").update(lua).digest("hex");
  }
  async run(redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!String((err as Error).message).includes("NOSCRIPT")) throw err;
      return redis.eval(this.lua, keys.length, ...keys, ...args);
    }
  }
}
