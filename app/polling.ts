/**
 * Polling the followed sources on BullMQ, in the worker role: one job scheduler per source (id = the
 * source id, `every` = its interval), kept in line with the source registry by a leader-locked reconcile
 * (at start and every minute: schedulers for new or re-enabled sources, none for removed or disabled ones).
 * Any number of workers share the jobs; a source is never fetched by two at once: one scheduler makes one
 * job per tick, and the poll itself runs under the source's poll lock (so `summit sources poll` in another
 * process waits for it, and the other way round).
 *
 * A tick polls only when the source is due (`nextFetchAt`), so a feed's ttl / max-age, a Retry-After and
 * the backoff after failures, which push nextFetchAt later, are honoured between ticks.
 */
import { type Job, Queue, Worker } from "bullmq";
import type { Logger } from "pino";
import { RedisLock } from "../queue/lock.ts";
import { createRedis, type Redis } from "../queue/redis.ts";
import type { Clock } from "../src/model.ts";
import { type OpenStore, pollOneSource } from "./store.ts";

export const SOURCES_QUEUE = "sources";

export interface PollJobData {
  sourceId: string;
}

export interface SourcePollingOptions {
  open: OpenStore;
  redisUrl: string;
  prefix: string;
  clock: Clock;
  log: Logger;
  /** Run a worker that takes poll jobs (the worker role). */
  worker: boolean;
  /** Keep the job schedulers in line with the registry (leader-locked; run it in the worker role). */
  reconcile: boolean;
  reconcileEveryMs?: number;
  /** Polls at once in this process (each to a different source; 2 per host at most, sources/limiter.ts). */
  concurrency?: number;
}

export interface ReconcileCounts {
  leader: boolean;
  upserted: number;
  removed: number;
}

export class SourcePolling {
  readonly queue: Queue<PollJobData>;
  readonly #o: SourcePollingOptions;
  readonly #bull: Redis;
  readonly #lock: RedisLock;
  #worker: Worker<PollJobData> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #closing: Promise<void> | null = null;

  constructor(o: SourcePollingOptions) {
    this.#o = o;
    this.#bull = createRedis(o.redisUrl, { bullmq: true, name: "summit-sources-bullmq" });
    this.#bull.on("error", (err) =>
      o.log.warn({ err: { message: err.message } }, "polling redis connection"),
    );
    this.queue = new Queue<PollJobData>(SOURCES_QUEUE, { connection: this.#bull, prefix: o.prefix });
    this.queue.on("error", (err) => o.log.error({ err }, "sources queue error"));
    this.#lock = new RedisLock(o.open.redis, `${o.prefix}:sources:lock:reconcile`, 30_000);
  }

  async start(): Promise<void> {
    if (this.#o.worker) {
      this.#worker = new Worker<PollJobData>(SOURCES_QUEUE, (job) => this.#process(job), {
        connection: this.#bull,
        prefix: this.#o.prefix,
        concurrency: this.#o.concurrency ?? 8,
        // A poll takes at most ~60 s of HTTP plus storing; BullMQ renews the lock while it runs.
        lockDuration: 120_000,
        removeOnComplete: { count: 100 },
        removeOnFail: { count: 500 },
      });
      this.#worker.on("error", (err) => this.#o.log.error({ err }, "sources worker error"));
      await this.#worker.waitUntilReady();
    }
    if (this.#o.reconcile) {
      await this.reconcile().catch((err: unknown) =>
        this.#o.log.warn({ err }, "source schedulers reconcile failed"),
      );
      this.#timer = setInterval(() => {
        this.reconcile().catch((err: unknown) =>
          this.#o.log.warn({ err }, "source schedulers reconcile failed"),
        );
      }, this.#o.reconcileEveryMs ?? 60_000);
      this.#timer.unref();
    }
  }

  /** Brings the job schedulers in line with the registry; does nothing unless it wins the leader lock. */
  async reconcile(): Promise<ReconcileCounts> {
    const token = await this.#lock.tryAcquire();
    if (!token) return { leader: false, upserted: 0, removed: 0 };
    try {
      const states = await this.#o.open.store.sources.states();
      const wanted = new Map(states.filter((s) => s.status !== "disabled").map((s) => [s.id, s.everyMs]));
      let upserted = 0;
      let removed = 0;
      const existing = await this.queue.getJobSchedulers(0, -1);
      const present = new Map(existing.map((s) => [s.key, Number(s.every ?? 0)]));
      for (const [id, everyMs] of wanted) {
        if (present.get(id) === everyMs) continue;
        await this.queue.upsertJobScheduler(
          id,
          { every: everyMs },
          { name: "poll", data: { sourceId: id }, opts: { removeOnComplete: 100, removeOnFail: 500 } },
        );
        upserted++;
      }
      for (const key of present.keys()) {
        if (wanted.has(key)) continue;
        await this.queue.removeJobScheduler(key);
        removed++;
      }
      return { leader: true, upserted, removed };
    } finally {
      await this.#lock.release(token).catch(() => {});
    }
  }

  async #process(job: Job<PollJobData>): Promise<unknown> {
    const { store } = this.#o.open;
    const id = job.data.sourceId;
    const state = await store.sources.get(id);
    if (!state || state.status === "disabled") return { skipped: "gone or disabled" };
    const now = this.#o.clock.now().getTime();
    // A tick may fire a little before the time the last poll set: allow a tenth of the interval (≤ 1 min).
    const slack = Math.min(60_000, state.everyMs / 10);
    if (state.nextFetchAt && Date.parse(state.nextFetchAt) > now + slack) return { skipped: "not due" };
    // Another process polling it right now (a CLI `sources poll`): this tick is not needed.
    const r = await pollOneSource(this.#o.open, id);
    if (r) this.#o.log.debug({ source: id, ...r }, "source polled");
    return r ?? { skipped: "being polled elsewhere" };
  }

  /** Stops reconciling and taking jobs (current polls finish), closes the queue. Safe twice. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      if (this.#timer) clearInterval(this.#timer);
      await this.#worker?.close();
      await this.queue.close();
      await this.#bull.quit().catch(() => this.#bull.disconnect());
    })();
    return this.#closing;
  }
}
