/**
 * Composition of the shared store for every entry point (CLI, server, workers): opens it on Redis, loads
 * what it holds, and builds the dependencies of the sources use cases (usecases/sources.ts) over
 * store/ (registry, articles, poll lock) and sources/ (discovery, polling, fetching pages).
 *
 *   const open = await openStore(config, { log, clock });   // one-line error when Redis is down
 *   const deps = sourcesDeps(open);                          // for listSources, addSource, pollSources…
 *   await open.close();
 */
import type { Logger } from "pino";
import { assertRedisReachable, createRedis, type Redis } from "../queue/redis.ts";
import {
  createSourceDeps,
  discoverSource,
  pollSource,
  type SourceDeps,
  type SourceState,
} from "../sources/index.ts";
import { inputError } from "../src/errors.ts";
import type { Article, Clock } from "../src/model.ts";
import { SharedStore } from "../store/sharedStore.ts";
import type { PolledSource, SourcesDeps } from "../usecases/sources.ts";
import type { Config } from "./config.ts";

export interface OpenStore {
  store: SharedStore;
  redis: Redis;
  /** HTTP client, robots.txt, clock and poll settings for fetching feeds and pages. */
  fetching: SourceDeps;
  log: Logger;
  clock: Clock;
  /** Closes the HTTP pool and the Redis connection (safe twice). */
  close(): Promise<void>;
}

/** Refuses, in one line, a command that needs the shared store when SUMMIT_STORE is not redis. */
export function requireStoreMode(config: Pick<Config, "store">, what: string): void {
  if (config.store !== "redis") throw inputError("needs_store", what);
}

/** The HTTP side of following feeds, as configured. */
export function fetchingDeps(
  config: Pick<Config, "allowPrivateFeeds">,
  clock: Clock,
  warn?: (message: string) => void,
): SourceDeps & { close(): Promise<void> } {
  return createSourceDeps({
    now: () => clock.now().getTime(),
    http: { allowPrivateNetworks: config.allowPrivateFeeds },
    ...(warn ? { warn } : {}),
  });
}

/** Opens the shared store at REDIS_URL under SUMMIT_REDIS_PREFIX; throws one readable line when Redis is down. */
export async function openStore(
  config: Pick<Config, "redisUrl" | "redisPrefix" | "retentionDays" | "allowPrivateFeeds">,
  env: { log: Logger; clock: Clock; connectionName?: string },
): Promise<OpenStore> {
  await assertRedisReachable(config.redisUrl);
  const redis = createRedis(config.redisUrl, { name: env.connectionName ?? "summit-store" });
  redis.on("error", (err) => env.log.debug({ err: { message: err.message } }, "store connection"));
  const store = new SharedStore({
    redis,
    prefix: config.redisPrefix,
    clock: env.clock,
    log: env.log,
    retentionDays: config.retentionDays,
  });
  const fetching = fetchingDeps(config, env.clock, (message) => env.log.warn({ page: message }, "page cut"));
  let closed: Promise<void> | null = null;
  return {
    store,
    redis,
    fetching,
    log: env.log,
    clock: env.clock,
    close: () => {
      closed ??= (async () => {
        await fetching.close().catch(() => {});
        await redis.quit().catch(() => redis.disconnect());
      })();
      return closed;
    },
  };
}

/** Every stored article, oldest arrival first (what a one-shot process such as the CLI answers from). */
export async function loadStoredArticles(store: SharedStore, batch = 500): Promise<Article[]> {
  const ids = await store.articles.idsByArrival();
  const out: Article[] = [];
  for (let i = 0; i < ids.length; i += batch) {
    const found = await store.articles.getMany(ids.slice(i, i + batch).map((x) => x.id));
    for (const a of found) if (a) out.push(a);
  }
  return out;
}

/**
 * Polls one source under its poll lock (never fetched by two processes at once) and stores the result
 * exactly as a worker does: items first, then the source's new state. The state is read again inside the
 * lock, so validators written by a poll that just finished elsewhere are used. Null when another process
 * holds the lock for longer than `waitMs`, or the source is gone.
 */
export async function pollOneSource(
  open: Pick<OpenStore, "store" | "fetching">,
  id: string,
  opts: { waitMs?: number } = {},
): Promise<PolledSource | null> {
  const { store, fetching } = open;
  const deadline = Date.now() + (opts.waitMs ?? 0);
  for (;;) {
    const r = await store.sources.withPollLock(id, async () => {
      const state = await store.sources.get(id);
      if (!state) return null;
      const result = await pollSource(state, fetching);
      const counts = await store.applyPoll(result);
      return {
        outcome: result.outcome,
        added: counts.added,
        updated: counts.updated,
        unchanged: counts.unchanged + result.unchanged,
        failed: counts.failed,
      } satisfies PolledSource;
    });
    if (r.ran) return r.value;
    if (Date.now() >= deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The dependencies of usecases/sources.ts over an open store. */
export function sourcesDeps(
  open: Pick<OpenStore, "store" | "fetching" | "clock">,
  opts: { pollWaitMs?: number } = {},
): SourcesDeps {
  const { store, fetching } = open;
  return {
    registry: {
      list: () => store.sources.list(),
      get: (id) => store.sources.get(id),
      add: (input) => store.sources.add(input),
      remove: (id) => store.sources.remove(id),
      findByUrl: async (url) => {
        try {
          return await store.sources.findByUrl(url);
        } catch {
          return null; // not a web address: discovery says why
        }
      },
    },
    discover: async (url) => {
      const found = await discoverSource(url, fetching);
      return { url: found.url, feedUrl: found.feedUrl, name: found.name };
    },
    pollOne: (source) => pollOneSource(open, source.id, { waitMs: opts.pollWaitMs ?? 0 }),
    clock: open.clock,
  };
}

export type { SourceState };
