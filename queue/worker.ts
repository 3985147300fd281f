/**
 * The digest worker: for each job (one subscription, one slot) it builds the digest through the core,
 * posts it through the platform's sender, and records the delivery, so each slot is posted once.
 *
 * Event loop: the only CPU-heavy step is Engine.digest, and it runs at most once per (slot, since,
 * topics) across all workers (DigestBuilder); every other step is a Redis round trip or an HTTP call, so
 * jobs stay far below the lock/stall window. A sandboxed processor would have to load the corpus and
 * index into every child process, which costs more than it saves at our corpus sizes.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { DelayedError, type Job, Queue, RateLimitError, UnrecoverableError, Worker } from "bullmq";
import type { Logger } from "pino";
import {
  type DeliveryTarget,
  type Platform,
  PlatformPermanentError,
  PlatformRateLimitError,
  type PlatformSender,
} from "../src/delivery.ts";
import type { Clock, Engine } from "../src/model.ts";
import { DeliveryRecords } from "./deliveries.ts";
import { DigestBuilder } from "./digestBuilder.ts";
import { DIGEST_QUEUE, type DigestKeys, deliveryKey } from "./keys.ts";
import type { Redis } from "./redis.ts";
import { slotOfSchedulerJob } from "./schedule.ts";
import type { DigestJobData } from "./scheduler.ts";
import { parseStored, SubscriptionStore } from "./store.ts";
import type { DeliveryOutcome } from "./types.ts";

/** What a subscription's first digest covers: the last 24 hours, not the whole corpus. */
export const FIRST_DIGEST_WINDOW_MS = 24 * 3_600_000;

/** Points of a delivery where a test may pause (and kill) the worker. */
export type DeliveryPoint = "claimed" | "before-post" | "after-post" | "after-record";

export interface DigestWorkerDeps {
  /** For delivery records, pacing and the digest cache. */
  redis: Redis;
  /** For BullMQ (maxRetriesPerRequest: null); the Worker duplicates it for its blocking connection. */
  bullRedis: Redis;
  keys: DigestKeys;
  engine: Engine;
  senders: Partial<Record<Platform, PlatformSender>>;
  clock: Clock;
  log: Logger;
  concurrency?: number;
  /** BullMQ job lock; also how long a claim on a delivery lives if its worker dies. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Minimum gap between two posts to one channel, per platform (Slack ~1 msg/s per channel). */
  paceMs?: Partial<Record<Platform, number>>;
  /** After this many 429s for one delivery, further 429s count as failed attempts. */
  maxRateLimitHits?: number;
  hooks?: { at?: (point: DeliveryPoint, key: string) => Promise<void> };
  autorun?: boolean;
  /** Recorded on every job this worker processes (job.processedBy). */
  name?: string;
}

const DEFAULT_PACE_MS: Record<Platform, number> = { slack: 1_000, discord: 1_000 };
export const HONOUR_QUEUE_RATE_LIMIT = { max: 1_000_000, duration: 1_000 };

export function paceTarget(t: DeliveryTarget): string {
  return `${t.platform}:${t.workspace ?? "-"}:${t.channel}`;
}

export class DigestWorker {
  readonly worker: Worker<DigestJobData, DeliveryOutcome>;
  readonly builder: DigestBuilder;
  readonly #deps: DigestWorkerDeps;
  readonly #queue: Queue<DigestJobData>;
  readonly #records: DeliveryRecords;
  /** Subscriptions are read and paused through their store, which owns their keys. */
  readonly #subscriptions: SubscriptionStore;
  readonly #lockMs: number;
  #closing: Promise<void> | null = null;

  constructor(deps: DigestWorkerDeps) {
    this.#deps = deps;
    this.#lockMs = deps.lockDurationMs ?? 30_000;
    this.#records = new DeliveryRecords(deps.redis, deps.keys);
    this.#subscriptions = new SubscriptionStore(deps.redis, deps.keys);
    this.builder = new DigestBuilder({
      engine: deps.engine,
      redis: deps.redis,
      keys: deps.keys,
      log: deps.log,
    });
    this.#queue = new Queue<DigestJobData>(DIGEST_QUEUE, {
      connection: deps.bullRedis,
      prefix: deps.keys.prefix,
    });
    this.#queue.on("error", (err) => deps.log.error({ err }, "digest queue error"));
    this.worker = new Worker<DigestJobData, DeliveryOutcome>(
      DIGEST_QUEUE,
      (job, token) => this.process(job, token),
      {
        connection: deps.bullRedis,
        prefix: deps.keys.prefix,
        name: deps.name ?? `digests-${hostname()}-${process.pid}-${randomUUID().slice(0, 6)}`,
        concurrency: deps.concurrency ?? 16,
        lockDuration: this.#lockMs,
        stalledInterval: deps.stalledIntervalMs ?? 30_000,
        maxStalledCount: 3,
        // BullMQ checks the queue's rate-limit key (set by queue.rateLimit after a global 429) only in
        // workers that have a limiter; this one is far above any real rate, so all it does is make every
        // worker, in every process, honour a global 429.
        limiter: HONOUR_QUEUE_RATE_LIMIT,
        autorun: deps.autorun ?? true,
      },
    );
    const log = deps.log;
    this.worker.on("error", (err) => log.error({ err }, "digest worker error"));
    this.worker.on("failed", (job, err) =>
      log.warn(
        { jobId: job?.id, subscriptionId: job?.data.subscriptionId, attemptsMade: job?.attemptsMade, err },
        "digest job failed",
      ),
    );
    this.worker.on("stalled", (jobId) => log.warn({ jobId }, "digest job stalled; it will be retried"));
  }

  async process(job: Job<DigestJobData, DeliveryOutcome>, token?: string): Promise<DeliveryOutcome> {
    const { subscriptionId } = job.data;
    const manual = job.data.manual === true;
    const slot = manual ? (job.data.slot ?? null) : slotOfSchedulerJob(job);
    if (slot === null) throw new UnrecoverableError(`digest job ${job.id} has no slot`);
    const key = deliveryKey(subscriptionId, slot, manual);
    const claimToken = token ?? `job-${job.id}`;
    const { log, clock } = this.#deps;
    const target = await this.#target(job);
    if (!target) return outcome("skipped", subscriptionId, null, "the subscription no longer exists");

    const begin = await this.#records.begin({
      key,
      subscriptionId,
      slot,
      token: claimToken,
      claimTtlMs: this.#lockMs,
      paceTarget: paceTarget(target),
      paceIntervalMs: this.#deps.paceMs?.[target.platform] ?? DEFAULT_PACE_MS[target.platform],
      skipIfSuperseded: !manual,
      // Jobs carry target and topics (jobData); older jobs without topics read the subscription back.
      wantSubscription: !(job.data.target && job.data.topics),
    });
    switch (begin.kind) {
      case "gone":
        return outcome("skipped", subscriptionId, null, "the subscription no longer exists");
      case "paused":
        return outcome("skipped", subscriptionId, null, `the subscription is paused: ${begin.reason}`);
      case "posted":
        return outcome("already-delivered", subscriptionId, begin.messageId, null);
      case "stale":
        return outcome("skipped", subscriptionId, null, "a later digest was already delivered");
      case "busy":
      case "wait": {
        // Another worker is posting this slot, or the channel's pacing says wait: come back later
        // without spending an attempt.
        if (!token) throw new Error(`cannot delay job ${job.id} without its lock token`);
        // A busy claim is usually settled within a second (the holder posts and finishes); recheck
        // soon rather than waiting out the whole claim, which only matters if its holder died.
        const wait = begin.kind === "busy" ? Math.min(begin.retryInMs, 500) : begin.retryInMs;
        const jitter = Math.floor(Math.random() * 50);
        await job.moveToDelayed(Date.now() + wait + jitter, token);
        throw new DelayedError();
      }
      case "go":
        break;
    }

    const stored = begin.sub === "" ? null : parseStored(begin.sub);
    const dest: DeliveryTarget = stored
      ? { platform: stored.platform, workspace: stored.workspace, channel: stored.channel }
      : target;
    const topics = stored?.topics ?? job.data.topics ?? [];
    const sender = this.#deps.senders[dest.platform];
    const hook = this.#deps.hooks?.at;
    let messageId: string | null = null;
    try {
      if (!sender) throw new Error(`this worker has no ${dest.platform} sender configured`);
      if (begin.previousState === "posting") {
        log.warn(
          { key },
          "an earlier attempt may have posted; the sender checks the channel before re-sending",
        );
      }
      await hook?.("claimed", key);
      const doc = await this.builder.document({
        slot,
        // New since the last digest; a subscription's first digest covers the last 24 hours.
        since: new Date(begin.lastSlot ?? slot - FIRST_DIGEST_WINDOW_MS),
        topics,
      });
      await hook?.("before-post", key);
      messageId = (
        await sender.send(dest, doc, { idempotencyKey: key, uncertain: begin.previousState === "posting" })
      ).messageId;
      await hook?.("after-post", key);
      const posted = messageId;
      await retrying(() =>
        this.#records.finish({
          key,
          subscriptionId,
          slot,
          messageId: posted,
          token: claimToken,
          now: clock.now(),
          updateLastSlot: true,
        }),
      );
      await hook?.("after-record", key);
      // Per job: debug, not info (at 10,000 channels a slot, an info line each costs more than it tells;
      // the delivery record holds the same facts).
      log.debug({ key, subscriptionId, messageId }, "digest delivered");
      return outcome("delivered", subscriptionId, messageId, null);
    } catch (err) {
      if (messageId !== null) {
        // Posted, but the record could not be written: leave it "posting" so the retry re-sends with
        // the same idempotency key (which the platform dedupes) instead of calling it not posted.
        log.error(
          { key, messageId, err },
          "digest posted but not recorded; the retry relies on the idempotency key",
        );
        const message = err instanceof Error ? err.message : String(err);
        await this.#records
          .abort({
            key,
            token: claimToken,
            state: "posting",
            error: `posted as ${messageId}, not recorded: ${message}`,
          })
          .catch(() => {}); // then the claim expires on its own
        throw err;
      }
      throw await this.#settleFailure(err, { job, token, key, claimToken, subscriptionId, target: dest });
    }
  }

  /** Records a failed attempt and returns the error BullMQ should see. */
  async #settleFailure(
    err: unknown,
    c: {
      job: Job<DigestJobData, DeliveryOutcome>;
      token: string | undefined;
      key: string;
      claimToken: string;
      subscriptionId: string;
      target: DeliveryTarget;
    },
  ): Promise<Error> {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof PlatformRateLimitError) {
      const hits = await this.#records.abort({
        key: c.key,
        token: c.claimToken,
        state: "pending",
        error: message,
        rateLimited: true,
      });
      const waitMs = Math.max(1, Math.ceil(err.retryAfterMs));
      // Later jobs for this channel see the pushed-out pacing and wait too (BEGIN says "wait").
      await this.#records.penalize(paceTarget(c.target), waitMs);
      if (hits > (this.#deps.maxRateLimitHits ?? 10))
        return new Error(`rate limited ${hits} times: ${message}`);
      const log = this.#deps.log;
      if (err.scope === "global" || !c.token) {
        // Every post of this bot is held back: stop the whole queue for the wait (no attempt spent).
        log.warn({ key: c.key, retryAfterMs: waitMs }, "global platform rate limit; the queue waits");
        await this.#queue.rateLimit(waitMs);
        return new RateLimitError();
      }
      // One channel's limit: only this job waits (no attempt spent); other channels go on.
      log.warn({ key: c.key, retryAfterMs: waitMs }, "channel rate limit; this delivery waits");
      await c.job.moveToDelayed(Date.now() + waitMs + Math.floor(Math.random() * 50), c.token);
      return new DelayedError();
    }
    if (err instanceof PlatformPermanentError) {
      const reason = `delivery failed and will not be retried: ${message} (${err.platformCode}). Subscribe again once the bot can post in this channel.`;
      await this.#records.abort({ key: c.key, token: c.claimToken, state: "failed", error: reason });
      await this.pauseSubscription(c.subscriptionId, reason);
      return new UnrecoverableError(reason);
    }
    await this.#records.abort({ key: c.key, token: c.claimToken, state: "pending", error: message });
    return err instanceof Error ? err : new Error(message);
  }

  /**
   * Pauses a subscription with a visible reason (through its store) and removes its schedule. Called
   * after the delivery record says `failed`; BEGIN checks the pause in the same Lua call that claims a
   * delivery, so no job that starts after this posts for it.
   */
  async pauseSubscription(id: string, reason: string): Promise<void> {
    const paused = await this.#subscriptions.pause(id, reason);
    await this.#queue.removeJobScheduler(id);
    if (paused) this.#deps.log.warn({ subscriptionId: id, reason }, "subscription paused");
  }

  async #target(job: Job<DigestJobData>): Promise<DeliveryTarget | null> {
    if (job.data.target) return job.data.target;
    const sub = await this.#subscriptions.definition(job.data.subscriptionId);
    return sub ? { platform: sub.platform, workspace: sub.workspace, channel: sub.channel } : null;
  }

  /** Stops taking jobs, lets the current ones finish, closes BullMQ's connections. Safe to call twice. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.worker.close();
      await this.#queue.close();
    })();
    return this.#closing;
  }
}

/** A few quick retries for the post-send record, so a Redis blip right after posting does not cost a retry. */
async function retrying<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 100 * 2 ** i));
    }
  }
}

function outcome(
  status: DeliveryOutcome["status"],
  subscriptionId: string,
  messageId: string | null,
  reason: string | null,
): DeliveryOutcome {
  return { status, subscriptionId, messageId, reason };
}
