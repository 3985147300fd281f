/**
 * Keeps BullMQ job schedulers in step with the subscriptions store. The store is the truth: at start-up
 * (and every few minutes) the leader upserts a scheduler for every active subscription whose scheduler
 * is missing or stale and removes schedulers nobody owns. Only the holder of one Redis lock ever upserts,
 * because concurrent upserts have lost schedules in past BullMQ releases.
 */
import type { Queue } from "bullmq";
import type { Logger } from "pino";
import type { DeliveryTarget } from "../src/delivery.ts";
import type { DigestKeys } from "./keys.ts";
import { RedisLock } from "./lock.ts";
import type { Redis } from "./redis.ts";
import { cronPattern } from "./schedule.ts";
import type { SubscriptionStore } from "./store.ts";
import type { Subscription } from "./types.ts";

export const DIGEST_JOB = "digest";

export interface DigestJobData {
  subscriptionId: string;
  /** Where it goes (immutable for a subscription id), so the worker needs no extra lookup to pace it. */
  target?: DeliveryTarget;
  /** The subscription's topics (immutable too), so the worker needs not read the subscription back. */
  topics?: string[];
  /** Manual sends carry their own slot (epoch ms); scheduled jobs take it from the scheduler's job id. */
  slot?: number;
  manual?: boolean;
}

/** Retries, backoff and retention for every digest job, scheduled or manual. */
export const DIGEST_JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 50_000 },
} as const;

/** The data every job of a subscription carries. */
export function jobData(sub: Subscription): DigestJobData {
  return {
    subscriptionId: sub.id,
    target: { platform: sub.platform, workspace: sub.workspace, channel: sub.channel },
    topics: sub.topics,
  };
}

export interface ReconcileResult {
  leader: boolean;
  upserted: number;
  removed: number;
  unchanged: number;
}

export interface DigestSchedulerDeps {
  queue: Queue<DigestJobData>;
  store: SubscriptionStore;
  redis: Redis;
  keys: DigestKeys;
  log: Logger;
  /** How long schedule()/unschedule() wait for the leader lock before leaving it to the next reconcile. */
  lockWaitMs?: number;
}

export class DigestScheduler {
  readonly #deps: DigestSchedulerDeps;
  readonly #lock: RedisLock;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<unknown> | null = null;

  constructor(deps: DigestSchedulerDeps) {
    this.#deps = deps;
    this.#lock = new RedisLock(deps.redis, deps.keys.schedulerLock, 30_000);
  }

  /** Brings BullMQ's schedulers in line with the store; does nothing unless it wins the leader lock. */
  async reconcile(): Promise<ReconcileResult> {
    const token = await this.#lock.tryAcquire();
    if (!token) return { leader: false, upserted: 0, removed: 0, unchanged: 0 };
    const result: ReconcileResult = { leader: true, upserted: 0, removed: 0, unchanged: 0 };
    const keepAlive = setInterval(() => void this.#lock.extend(token).catch(() => {}), 10_000);
    try {
      const { queue, store, log } = this.#deps;
      const subs = await store.list();
      const existing = new Map((await queue.getJobSchedulers(0, -1)).map((s) => [s.key, s]));
      const wanted = new Set<string>();
      for (const sub of subs) {
        if (sub.pausedReason) continue;
        wanted.add(sub.id);
        const have = existing.get(sub.id);
        if (
          have &&
          have.pattern === cronPattern(sub) &&
          have.tz === sub.tz &&
          JSON.stringify(have.template?.data) === JSON.stringify(jobData(sub))
        ) {
          result.unchanged++;
          continue;
        }
        await this.#upsert(sub);
        result.upserted++;
      }
      for (const key of existing.keys()) {
        if (wanted.has(key)) continue;
        await queue.removeJobScheduler(key);
        result.removed++;
      }
      log.info({ ...result, subscriptions: subs.length }, "digest schedules reconciled");
      return result;
    } finally {
      clearInterval(keepAlive);
      await this.#lock.release(token);
    }
  }

  /** Creates or updates one subscription's scheduler (as leader); false when the lock was busy. */
  async schedule(sub: Subscription): Promise<boolean> {
    return this.#asLeader(async () => {
      if (sub.pausedReason) await this.#deps.queue.removeJobScheduler(sub.id);
      else await this.#upsert(sub);
    }, sub.id);
  }

  async unschedule(id: string): Promise<boolean> {
    return this.#asLeader(async () => {
      await this.#deps.queue.removeJobScheduler(id);
    }, id);
  }

  /** Reconciles now and then every `intervalMs`, so a lost schedule heals without a restart. */
  start(intervalMs = 5 * 60_000): Promise<ReconcileResult> {
    const run = () => {
      this.#running = this.reconcile().catch((err) => {
        this.#deps.log.error({ err }, "digest schedule reconcile failed");
        return { leader: false, upserted: 0, removed: 0, unchanged: 0 };
      });
      return this.#running as Promise<ReconcileResult>;
    };
    this.#timer ??= setInterval(run, intervalMs);
    this.#timer.unref();
    return run();
  }

  async close(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  async #upsert(sub: Subscription): Promise<void> {
    await this.#deps.queue.upsertJobScheduler(
      sub.id,
      { pattern: cronPattern(sub), tz: sub.tz },
      { name: DIGEST_JOB, data: jobData(sub), opts: { ...DIGEST_JOB_OPTIONS } },
    );
  }

  async #asLeader(fn: () => Promise<void>, id: string): Promise<boolean> {
    const token = await this.#lock.acquire(this.#deps.lockWaitMs ?? 5_000);
    if (!token) {
      this.#deps.log.warn({ subscriptionId: id }, "scheduler lock busy; the next reconcile will apply it");
      return false;
    }
    try {
      await fn();
      return true;
    } finally {
      await this.#lock.release(token);
    }
  }
}
