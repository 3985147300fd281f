/**
 * Wires the digest system for one process: Redis connections, the store, the queue, and (by role) the
 * scheduler leader loop and a worker. The server and the CLI both start it; tests start several.
 */
import { Queue } from "bullmq";
import type { Logger } from "pino";
import type { Platform, PlatformSender } from "../src/delivery.ts";
import type { Clock, Engine } from "../src/model.ts";
import { DIGEST_QUEUE, type DigestKeys, digestKeys } from "./keys.ts";
import { assertRedisReachable, createRedis, type Redis } from "./redis.ts";
import { type DigestJobData, DigestScheduler } from "./scheduler.ts";
import { enqueueManualDigest, waitForOutcome } from "./sendNow.ts";
import { RedisSubscriptionService } from "./service.ts";
import { SubscriptionStore } from "./store.ts";
import type { DeliveryOutcome } from "./types.ts";
import { DigestWorker, type DigestWorkerDeps } from "./worker.ts";

export interface DigestRuntimeOptions {
  redisUrl: string;
  prefix: string;
  clock: Clock;
  log: Logger;
  /** Reconcile schedules at start and every `reconcileEveryMs` (only one process wins the lock each time). */
  scheduler?: boolean;
  reconcileEveryMs?: number;
  /** Run a digest worker in this process: needs an engine and senders. */
  worker?:
    | ({
        engine: Engine;
        senders: Partial<Record<Platform, PlatformSender>>;
      } & Partial<
        Pick<DigestWorkerDeps, "concurrency" | "lockDurationMs" | "stalledIntervalMs" | "paceMs" | "hooks">
      >)
    | undefined;
}

export interface DigestHealth {
  redis: "up" | "down";
  queue: Record<string, number> | null;
  schedulers: number | null;
  workers: number | null;
  error?: string;
}

export class DigestRuntime {
  readonly keys: DigestKeys;
  readonly redis: Redis;
  readonly bullRedis: Redis;
  readonly store: SubscriptionStore;
  readonly queue: Queue<DigestJobData>;
  readonly scheduler: DigestScheduler;
  readonly service: RedisSubscriptionService;
  worker: DigestWorker | null = null;
  readonly #opts: DigestRuntimeOptions;
  #closing: Promise<void> | null = null;

  private constructor(opts: DigestRuntimeOptions) {
    this.#opts = opts;
    this.keys = digestKeys(opts.prefix);
    this.redis = createRedis(opts.redisUrl, { name: "summit-digests" });
    this.bullRedis = createRedis(opts.redisUrl, { bullmq: true, name: "summit-digests-bullmq" });
    for (const conn of [this.redis, this.bullRedis]) {
      conn.on("error", (err) => opts.log.warn({ err: { message: err.message } }, "redis connection error"));
    }
    this.store = new SubscriptionStore(this.redis, this.keys);
    this.queue = new Queue<DigestJobData>(DIGEST_QUEUE, { connection: this.bullRedis, prefix: opts.prefix });
    this.queue.on("error", (err) => opts.log.error({ err }, "digest queue error"));
    this.scheduler = new DigestScheduler({
      queue: this.queue,
      store: this.store,
      redis: this.redis,
      keys: this.keys,
      log: opts.log,
    });
    this.service = new RedisSubscriptionService({
      store: this.store,
      scheduler: this.scheduler,
      clock: opts.clock,
    });
  }

  /** Fails fast, with one line, when Redis is unreachable. */
  static async start(opts: DigestRuntimeOptions): Promise<DigestRuntime> {
    await assertRedisReachable(opts.redisUrl);
    const rt = new DigestRuntime(opts);
    // Resolve once the worker's connection is up, so a started runtime is a working one.
    if (opts.worker) await rt.startWorker(opts.worker).worker.waitUntilReady();
    if (opts.scheduler) await rt.scheduler.start(opts.reconcileEveryMs);
    return rt;
  }

  startWorker(w: NonNullable<DigestRuntimeOptions["worker"]>): DigestWorker {
    this.worker ??= new DigestWorker({
      ...w,
      redis: this.redis,
      bullRedis: this.bullRedis,
      keys: this.keys,
      clock: this.#opts.clock,
      log: this.#opts.log,
    });
    return this.worker;
  }

  /** Enqueues the subscription's digest now and waits for the outcome. */
  async sendNow(subscriptionId: string, opts: { timeoutMs?: number } = {}): Promise<DeliveryOutcome> {
    const sub = await this.store.get(subscriptionId);
    const target = sub
      ? { platform: sub.platform, workspace: sub.workspace, channel: sub.channel }
      : undefined;
    const job = await enqueueManualDigest(this.queue, subscriptionId, this.#opts.clock, target);
    return waitForOutcome(this.queue, job.id!, subscriptionId, opts);
  }

  async health(): Promise<DigestHealth> {
    try {
      await withTimeout(this.redis.ping(), 1_000);
      const [queue, schedulers, workers] = await withTimeout(
        Promise.all([
          this.queue.getJobCounts("waiting", "active", "delayed", "failed", "completed"),
          this.queue.getJobSchedulersCount(),
          this.queue.getWorkersCount(),
        ]),
        2_000,
      );
      return { redis: "up", queue, schedulers, workers };
    } catch (err) {
      return { redis: "down", queue: null, schedulers: null, workers: null, error: (err as Error).message };
    }
  }

  /** Stops the scheduler loop and the worker (letting current jobs finish), then closes Redis. Safe twice. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.scheduler.close();
      await this.worker?.close();
      await this.queue.close();
      await Promise.allSettled([this.redis.quit(), this.bullRedis.quit()]);
    })();
    return this.#closing;
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}
