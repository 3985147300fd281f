/**
 * Retention: articles that arrived more than SUMMIT_RETENTION_DAYS ago (default 30) leave the store, and
 * through the change log every process's index; the log itself is trimmed of entries older than
 * `logKeepMs` (a process away longer than that reloads instead of catching up), and ended tombstones
 * are forgotten.
 *
 * Scheduling is a leader-locked interval, not a BullMQ job scheduler: the run is idempotent and cheap
 * (one Lua call per 200 articles), needs no retries, backoff or job history, and every process that
 * opens the store can carry it, whatever its roles. Each process ticks every `everyMs / 4`; a tick runs
 * only if it takes the lock `<prefix>:store:lock:retention` (SET NX PX everyMs), which is never
 * released early, so the deployment runs retention at most once per `everyMs`, and again within
 * about 1.25 × everyMs if the process that ran it dies.
 */
import type { Logger } from "pino";
import { RedisLock } from "../queue/lock.ts";
import type { Redis } from "../queue/redis.ts";
import type { Clock } from "../src/model.ts";
import type { ArticleStore } from "./articles.ts";

const DAY_MS = 86_400_000;

export const RETENTION_DEFAULTS = {
  retentionDays: 30,
  /** How long the change log keeps entries. */
  logKeepMs: 7 * DAY_MS,
  /** How often the deployment runs retention. */
  everyMs: 60 * 60_000,
} as const;

export interface RetentionOptions {
  retentionDays?: number;
  logKeepMs?: number;
}

export interface RetentionResult {
  removed: number;
  logTrimmed: number;
  tombstonesPurged: number;
}

/** One retention pass (what the timer runs; also callable directly, e.g. from a CLI or a test). */
export async function runRetention(
  articles: ArticleStore,
  clock: Clock,
  opts: RetentionOptions = {},
): Promise<RetentionResult> {
  const days = opts.retentionDays ?? RETENTION_DEFAULTS.retentionDays;
  const now = clock.now().getTime();
  const removed = await articles.removeArrivedBefore(new Date(now - days * DAY_MS));
  const logTrimmed = await articles.trimLog(opts.logKeepMs ?? RETENTION_DEFAULTS.logKeepMs);
  const tombstonesPurged = await articles.purgeTombstones();
  return { removed, logTrimmed, tombstonesPurged };
}

export interface RetentionTimerDeps {
  articles: ArticleStore;
  redis: Redis;
  clock: Clock;
  log: Logger;
}

export class RetentionTimer {
  readonly #d: RetentionTimerDeps;
  readonly #opts: RetentionOptions & { everyMs: number };
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<RetentionResult | null> | null = null;
  /** Passes this process ran (for tests and metrics). */
  runs = 0;

  constructor(deps: RetentionTimerDeps, opts: RetentionOptions & { everyMs?: number } = {}) {
    this.#d = deps;
    this.#opts = { ...opts, everyMs: opts.everyMs ?? RETENTION_DEFAULTS.everyMs };
  }

  /** Ticks now and every everyMs / 4. Safe twice. */
  start(): void {
    if (this.#timer) return;
    void this.tick();
    this.#timer = setInterval(() => void this.tick(), Math.max(1_000, this.#opts.everyMs / 4));
    this.#timer.unref();
  }

  /** Runs a pass if this process wins the lock for the current period; null when another did. */
  tick(): Promise<RetentionResult | null> {
    this.#running ??= (async () => {
      const { redis, articles, clock, log } = this.#d;
      const lock = new RedisLock(redis, articles.keys.retentionLock, this.#opts.everyMs);
      let token: string | null = null;
      try {
        token = await lock.tryAcquire();
        if (!token) return null;
        const result = await runRetention(articles, clock, this.#opts);
        this.runs++;
        log.info(result, "store retention ran");
        return result; // the lock stays until it expires: one pass per period
      } catch (err) {
        log.warn(
          { err: { message: (err as Error).message } },
          "store retention failed; the next tick retries",
        );
        if (token) await lock.release(token).catch(() => {});
        return null;
      } finally {
        this.#running = null;
      }
    })();
    return this.#running;
  }

  /** Stops ticking and waits for a running pass. Safe twice. */
  async close(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }
}
