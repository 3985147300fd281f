/**
 * `digest send ID`: enqueue one subscription's digest now on the same queue and job path as the
 * schedule, then wait until a worker has delivered it or given up.
 */
import type { Job, Queue } from "bullmq";
import type { DeliveryTarget } from "../src/delivery.ts";
import type { Clock } from "../src/model.ts";
import { DIGEST_JOB, DIGEST_JOB_OPTIONS, type DigestJobData } from "./scheduler.ts";
import type { DeliveryOutcome } from "./types.ts";

export async function enqueueManualDigest(
  queue: Queue<DigestJobData>,
  subscriptionId: string,
  clock: Clock,
  target?: DeliveryTarget,
): Promise<Job<DigestJobData>> {
  const slot = clock.now().getTime();
  return queue.add(
    DIGEST_JOB,
    { subscriptionId, slot, manual: true, ...(target ? { target } : {}) },
    // Same slot → same job id, so a double-submitted request is one job.
    { ...DIGEST_JOB_OPTIONS, attempts: 3, jobId: `manual-${subscriptionId}-${slot}` },
  );
}

/** Polls the job until it completes or fails for good (BullMQ keeps it for a day either way). */
export async function waitForOutcome(
  queue: Queue<DigestJobData>,
  jobId: string,
  subscriptionId: string,
  opts: { timeoutMs?: number; pollMs?: number } = {},
): Promise<DeliveryOutcome> {
  const until = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    // State first, then the job: a job read before it completed carries no return value yet.
    const state = await queue.getJobState(jobId);
    const job = await queue.getJob(jobId);
    if (job && state === "completed") return job.returnvalue as DeliveryOutcome;
    if (job && state === "failed") {
      return {
        status: "failed",
        subscriptionId,
        messageId: null,
        reason: job.failedReason || "unknown error",
      };
    }
    if (!job) return { status: "failed", subscriptionId, messageId: null, reason: "the job disappeared" };
    if (Date.now() >= until) {
      return {
        status: "failed",
        subscriptionId,
        messageId: null,
        reason: `not delivered within ${Math.round((opts.timeoutMs ?? 120_000) / 1000)} s (job ${jobId} is ${state}; it may still be delivered)`,
      };
    }
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 100));
  }
}
