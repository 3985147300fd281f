/**
 * The source registry: followed feeds and their polling state (SourceState, sources/types.ts) in Redis.
 * A source is keyed by its normalised feed URL, so adding the same feed twice (http or https, with or
 * without "www.", a fragment or tracking parameters) gives back the same id. Polls persist their result
 * with recordPoll, which keeps what an admin owns (name, interval, a manual disable) and never brings back
 * a source removed during the poll. A poll lock makes sure a source is fetched by one process at a time.
 */
import { createHash } from "node:crypto";
import type { Logger } from "pino";
import { RedisLock } from "../queue/lock.ts";
import { LuaScript, type Redis } from "../queue/redis.ts";
import { newSourceState, type SourceState } from "../sources/types.ts";
import type { Clock } from "../src/model.ts";
import type { StoreKeys } from "./keys.ts";
import type { OpmlOutline, SourceListing } from "./types.ts";

/** Bad input for a source (the user can fix it); the message is shown as is. */
export class SourceInputError extends Error {
  override readonly name = "SourceInputError";
}

export const SOURCE_DEFAULTS = {
  everyMs: 15 * 60_000,
  minEveryMs: 5 * 60_000,
  maxEveryMs: 7 * 24 * 3_600_000,
  /** A poll lock expires after this unless its holder extends it (it does, every third of it). */
  pollLockMs: 60_000,
} as const;

export interface NewSource {
  /** What the user gave: a feed or a site URL. */
  url: string;
  /** The feed actually polled (discovered from a site URL); defaults to url. */
  feedUrl?: string | null;
  name?: string | null;
  everyMs?: number | null;
}

/** Create unless the feed is known; returns {created, id}. KEYS: sources, urls. ARGV: id, json, feed key, url key. */
const ADD = new LuaScript(`
local known = redis.call('HGET', KEYS[2], ARGV[3])
if known and redis.call('HEXISTS', KEYS[1], known) == 1 then return {0, known} end
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then
  redis.call('HSET', KEYS[2], ARGV[3], ARGV[1])
  return {0, ARGV[1]}
end
redis.call('HSET', KEYS[2], ARGV[3], ARGV[1])
redis.call('HSETNX', KEYS[2], ARGV[4], ARGV[1])
return {1, ARGV[1]}
`);

/** Poll-owned fields from ARGV[2] into the stored state, unless the source is gone. ARGV[3]: the new feed key. */
const RECORD_POLL = new LuaScript(`
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
local cur = cjson.decode(raw)
local nxt = cjson.decode(ARGV[2])
local disabledByAdmin = cur.status == 'disabled'
for _, k in ipairs({'feedUrl', 'etag', 'lastModified', 'failures', 'lastError', 'lastFetchAt', 'nextFetchAt',
                    'status', 'disabledReason', 'itemHashes'}) do
  cur[k] = nxt[k]
end
if disabledByAdmin then
  local was = cjson.decode(raw)
  cur.status = 'disabled'
  cur.disabledReason = was.disabledReason
end
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(cur))
redis.call('HSETNX', KEYS[2], ARGV[3], ARGV[1])
return 1
`);

/** Removes a source and every URL key that names it. */
const REMOVE = new LuaScript(`
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
local all = redis.call('HGETALL', KEYS[2])
for i = 1, #all, 2 do
  if all[i + 1] == ARGV[1] then redis.call('HDEL', KEYS[2], all[i]) end
end
return 1
`);

/** Applies a JSON patch of fields to a stored source (admin changes). */
const PATCH = new LuaScript(`
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
local cur = cjson.decode(raw)
for k, v in pairs(cjson.decode(ARGV[2])) do cur[k] = v end
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(cur))
return 1
`);

const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref_src)$/i;

/**
 * The key two URLs of one feed share: scheme (http/https) and a leading "www." ignored, host lower-cased,
 * default port, fragment, tracking parameters and a trailing slash dropped; path and other query kept.
 */
export function feedKey(url: string): string {
  const u = parseHttpUrl(url);
  for (const name of [...u.searchParams.keys()]) if (TRACKING.test(name)) u.searchParams.delete(name);
  const host = u.host.replace(/^www\./, "");
  const path = u.pathname.replace(/\/+$/, "");
  const query = u.searchParams.toString();
  return `${host}${path}${query ? `?${query}` : ""}`;
}

function parseHttpUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new SourceInputError(`not a web address: ${JSON.stringify(url.slice(0, 200))}`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:")
    throw new SourceInputError(`only http and https addresses can be followed, not ${u.protocol}`);
  u.hash = "";
  return u;
}

export function sourceIdFor(key: string): string {
  return `src_${createHash("sha1").update(key).digest("hex").slice(0, 12)}`;
}

export interface SourceRegistryDeps {
  redis: Redis;
  keys: StoreKeys;
  clock: Clock;
  log: Logger;
}

export class SourceRegistry {
  readonly #d: SourceRegistryDeps;

  constructor(deps: SourceRegistryDeps) {
    this.#d = deps;
  }

  /** Adds a source, or gives back the one that already polls the same feed (`created: false`). */
  async add(input: NewSource): Promise<{ source: SourceState; created: boolean }> {
    const url = parseHttpUrl(input.url).toString();
    const feedUrl = input.feedUrl ? parseHttpUrl(input.feedUrl).toString() : url;
    const everyMs = input.everyMs ?? SOURCE_DEFAULTS.everyMs;
    if (!Number.isFinite(everyMs) || everyMs < SOURCE_DEFAULTS.minEveryMs)
      throw new SourceInputError("a source is polled at most every 5 minutes: give 5m or more");
    if (everyMs > SOURCE_DEFAULTS.maxEveryMs)
      throw new SourceInputError("a source is polled at least once a week: give 7d or less");
    const key = feedKey(feedUrl);
    const id = sourceIdFor(key);
    const source = newSourceState({
      id,
      url,
      feedUrl,
      name: input.name?.trim().slice(0, 200) || new URL(feedUrl).hostname.replace(/^www\./, ""),
      everyMs: Math.round(everyMs),
      addedAt: this.#d.clock.now().toISOString(),
    });
    const { sources, sourceUrls } = this.#d.keys;
    const [created, heldBy] = (await ADD.run(
      this.#d.redis,
      [sources, sourceUrls],
      [id, JSON.stringify(source), key, feedKey(url)],
    )) as [number, string];
    if (created === 1) return { source, created: true };
    const existing = await this.get(heldBy);
    if (!existing) throw new Error(`source ${heldBy} vanished while being added`);
    return { source: existing, created: false };
  }

  async get(id: string): Promise<SourceState | null> {
    const raw = await this.#d.redis.hget(this.#d.keys.sources, id);
    return raw ? inflate(raw) : null;
  }

  /** The source that follows this feed or site URL (as given to add), if any. */
  async findByUrl(url: string): Promise<SourceState | null> {
    const id = await this.#d.redis.hget(this.#d.keys.sourceUrls, feedKey(url));
    return id ? this.get(id) : null;
  }

  /** Every source, oldest first. */
  async states(): Promise<SourceState[]> {
    const all = await this.#d.redis.hgetall(this.#d.keys.sources);
    return Object.values(all)
      .map(inflate)
      .sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
  }

  /** Every source with how many stored articles it delivered (`summit sources list`); no item hashes. */
  async list(): Promise<SourceListing[]> {
    const states = (await this.states()).map(({ itemHashes: _, ...s }) => s);
    if (states.length === 0) return [];
    const pipe = this.#d.redis.pipeline();
    for (const s of states) pipe.scard(this.#d.keys.bySource(s.id));
    const counts = (await pipe.exec()) ?? [];
    return states.map((s, i) => ({ ...s, articles: Number(counts[i]?.[1] ?? 0) }));
  }

  /** Counts by status, for /healthz. */
  async countByStatus(): Promise<Record<SourceState["status"], number>> {
    const out = { ok: 0, failing: 0, disabled: 0 };
    for (const s of await this.states()) out[s.status]++;
    return out;
  }

  /** What an OPML export lists, oldest first. */
  async opml(): Promise<OpmlOutline[]> {
    return (await this.states()).map((s) => ({
      text: s.name,
      title: s.name,
      type: "rss",
      xmlUrl: s.feedUrl,
      htmlUrl: s.url,
    }));
  }

  /** Removes the source (its articles stay until retention). False when there was none. */
  async remove(id: string): Promise<boolean> {
    const { sources, sourceUrls } = this.#d.keys;
    return (await REMOVE.run(this.#d.redis, [sources, sourceUrls], [id])) === 1;
  }

  /**
   * Persists a poll's new state: validators, failures, times, status, and a redirected feed URL. Keeps
   * the name, the interval and a disable an admin made meanwhile. False when the source was removed.
   */
  async recordPoll(next: SourceState): Promise<boolean> {
    const { sources, sourceUrls } = this.#d.keys;
    const key = feedKey(next.feedUrl);
    return (
      (await RECORD_POLL.run(this.#d.redis, [sources, sourceUrls], [next.id, JSON.stringify(next), key])) ===
      1
    );
  }

  /** Stops polling a source, with the reason shown to users. */
  disable(id: string, reason: string): Promise<boolean> {
    return this.#patch(id, { status: "disabled", disabledReason: reason.slice(0, 500) });
  }

  /** Polls a disabled or failing source again, from a clean slate, at the next opportunity. */
  enable(id: string): Promise<boolean> {
    return this.#patch(id, {
      status: "ok",
      disabledReason: null,
      failures: 0,
      lastError: null,
      nextFetchAt: null,
    });
  }

  /** Renames a source or changes its interval. */
  async configure(id: string, change: { name?: string; everyMs?: number }): Promise<boolean> {
    const patch: Record<string, unknown> = {};
    if (change.name?.trim()) patch.name = change.name.trim().slice(0, 200);
    if (change.everyMs !== undefined) {
      if (change.everyMs < SOURCE_DEFAULTS.minEveryMs || change.everyMs > SOURCE_DEFAULTS.maxEveryMs)
        throw new SourceInputError("a source is polled every 5 minutes to 7 days");
      patch.everyMs = Math.round(change.everyMs);
    }
    return this.#patch(id, patch);
  }

  async #patch(id: string, patch: Record<string, unknown>): Promise<boolean> {
    return (await PATCH.run(this.#d.redis, [this.#d.keys.sources], [id, JSON.stringify(patch)])) === 1;
  }

  /**
   * Runs `fn` while holding the source's poll lock, so no two processes fetch one source at once.
   * `{ran: false}` when another process holds it.
   */
  async withPollLock<T>(
    id: string,
    fn: () => Promise<T>,
    ttlMs: number = SOURCE_DEFAULTS.pollLockMs,
  ): Promise<{ ran: true; value: T } | { ran: false }> {
    const lock = new RedisLock(this.#d.redis, this.#d.keys.pollLock(id), ttlMs);
    const token = await lock.tryAcquire();
    if (!token) return { ran: false };
    const keepAlive = setInterval(() => void lock.extend(token).catch(() => {}), Math.max(100, ttlMs / 3));
    try {
      return { ran: true, value: await fn() };
    } finally {
      clearInterval(keepAlive);
      await lock
        .release(token)
        .catch((err: Error) =>
          this.#d.log.warn({ err: { message: err.message }, source: id }, "could not release a poll lock"),
        );
    }
  }
}

/** A stored source with every field present (defaults for any a Lua merge left out). */
function inflate(raw: string): SourceState {
  const s = JSON.parse(raw) as Partial<SourceState> & Pick<SourceState, "id" | "url" | "feedUrl">;
  const orNull = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
  const status = s.status === "failing" || s.status === "disabled" ? s.status : "ok";
  return {
    id: s.id,
    url: s.url,
    feedUrl: s.feedUrl,
    name: s.name ?? s.feedUrl,
    everyMs: Number(s.everyMs ?? SOURCE_DEFAULTS.everyMs),
    etag: orNull(s.etag),
    lastModified: orNull(s.lastModified),
    failures: Number(s.failures ?? 0),
    lastError: orNull(s.lastError),
    lastFetchAt: orNull(s.lastFetchAt),
    nextFetchAt: orNull(s.nextFetchAt),
    disabledReason: orNull(s.disabledReason),
    status,
    addedAt: s.addedAt ?? new Date(0).toISOString(),
    ...(s.itemHashes && typeof s.itemHashes === "object" && !Array.isArray(s.itemHashes)
      ? { itemHashes: s.itemHashes }
      : {}),
  };
}
