/**
 * One process's handle on the shared store: articles, sources, and the use cases built on them (apply a
 * poll, import the corpus folder once, follow the change log into a live corpus, retention). Composition
 * (app/) opens it with its Redis connection, clock and logger.
 */
import type { Logger } from "pino";
import type { Redis } from "../queue/redis.ts";
import type { Clock } from "../src/model.ts";
import { applyPoll } from "./applyPoll.ts";
import { ArticleStore } from "./articles.ts";
import { StoreFollower, type StoreFollowerDeps } from "./follower.ts";
import { type ImportResult, importFolderOnce } from "./importFolder.ts";
import { type StoreKeys, storeKeys } from "./keys.ts";
import { RETENTION_DEFAULTS, type RetentionResult, RetentionTimer, runRetention } from "./retention.ts";
import { SourceRegistry } from "./sources.ts";
import type { LiveCorpus, PollApplyInput, PollCounts } from "./types.ts";

export interface SharedStoreOptions {
  /** A command connection (queue/redis.ts createRedis); the store never closes it. */
  redis: Redis;
  /** SUMMIT_REDIS_PREFIX. */
  prefix: string;
  clock: Clock;
  log: Logger;
  /** SUMMIT_RETENTION_DAYS (default 30). */
  retentionDays?: number;
  /** How long the change log keeps entries (default 7 days). */
  logKeepMs?: number;
}

export class SharedStore {
  readonly keys: StoreKeys;
  readonly articles: ArticleStore;
  readonly sources: SourceRegistry;
  readonly #o: SharedStoreOptions;

  constructor(o: SharedStoreOptions) {
    this.#o = o;
    this.keys = storeKeys(o.prefix);
    const days = o.retentionDays ?? RETENTION_DEFAULTS.retentionDays;
    // A removed article's item stays known as long as articles are kept, so a feed that still lists it
    // after retention does not bring it back as new.
    this.articles = new ArticleStore({ ...o, keys: this.keys, tombstoneMs: days * 86_400_000 });
    this.sources = new SourceRegistry({ ...o, keys: this.keys });
  }

  applyPoll(result: PollApplyInput): Promise<PollCounts> {
    return applyPoll({ articles: this.articles, sources: this.sources, log: this.#o.log }, result);
  }

  importFolderOnce(dir: string, opts: { waitMs?: number } = {}): Promise<ImportResult> {
    return importFolderOnce({ ...this.#o, articles: this.articles }, dir, opts);
  }

  /** A follower that keeps `corpus` in step with the store (call start()). */
  follower(
    corpus: LiveCorpus,
    opts: Partial<Pick<StoreFollowerDeps, "batch" | "blockMs" | "loadBatch" | "connectionName">> = {},
  ): StoreFollower {
    return new StoreFollower({ ...this.#o, ...opts, keys: this.keys, corpus });
  }

  /** Starts the retention schedule in this process (see retention.ts); close() it on shutdown. */
  retention(opts: { everyMs?: number } = {}): RetentionTimer {
    const timer = new RetentionTimer(
      { ...this.#o, articles: this.articles },
      { ...this.#retentionOptions(), ...opts },
    );
    timer.start();
    return timer;
  }

  /** One retention pass now. */
  runRetention(): Promise<RetentionResult> {
    return runRetention(this.articles, this.#o.clock, this.#retentionOptions());
  }

  #retentionOptions() {
    return {
      retentionDays: this.#o.retentionDays ?? RETENTION_DEFAULTS.retentionDays,
      logKeepMs: this.#o.logKeepMs ?? RETENTION_DEFAULTS.logKeepMs,
    };
  }
}
