/**
 * The most recent deliveries, read from the digest queue's own job history (BullMQ keeps completed jobs
 * a day and failed ones a week, DIGEST_JOB_OPTIONS): what was posted, retried or failed, and why. Read
 * only: nothing here writes to Redis, so the web console's Deliveries page costs the workers nothing.
 */
import type { Job, Queue } from "bullmq";
import type { DeliveryTarget } from "../src/delivery.ts";
import type { DigestJobData } from "./scheduler.ts";
import type { DeliveryOutcome } from "./types.ts";

export interface RecentDelivery {
  jobId: string;
  subscriptionId: string;
  /** The slot delivered (epoch ms), when known. */
  slot: number | null;
  manual: boolean;
  target: DeliveryTarget | null;
  /**
   * posted | already-posted | skipped (paused, gone, superseded) | failed (for good) | retrying (failed
   * at least once, will run again) | queued | running.
   */
  status: "posted" | "already-posted" | "skipped" | "failed" | "retrying" | "queued" | "running";
  /** Attempts made so far (more than one means it was retried). */
  attempts: number;
  messageId: string | null;
  reason: string | null;
  /** When it finished (or was last touched), epoch ms. */
  at: number;
}

type DigestJob = Job<DigestJobData, DeliveryOutcome>;

function toRecent(
  job: DigestJob,
  state: "completed" | "failed" | "active" | "delayed" | "waiting",
): RecentDelivery {
  const base = {
    jobId: job.id ?? "",
    subscriptionId: job.data.subscriptionId,
    slot: job.data.slot ?? null,
    manual: job.data.manual === true,
    target: job.data.target ?? null,
    attempts: job.attemptsMade,
    at: job.finishedOn ?? job.processedOn ?? job.timestamp,
  };
  if (state === "completed") {
    const out = job.returnvalue;
    const status =
      out?.status === "delivered"
        ? "posted"
        : out?.status === "already-delivered"
          ? "already-posted"
          : out?.status === "failed"
            ? "failed"
            : "skipped";
    return { ...base, status, messageId: out?.messageId ?? null, reason: out?.reason ?? null };
  }
  if (state === "failed")
    return { ...base, status: "failed", messageId: null, reason: job.failedReason || null };
  if (state === "active") return { ...base, status: "running", messageId: null, reason: null };
  return {
    ...base,
    status: job.attemptsMade > 0 ? "retrying" : "queued",
    messageId: null,
    reason: job.failedReason || null,
  };
}

/**
 * Up to `limit` deliveries, newest first: finished ones (completed, failed) and the manual or retried
 * ones still under way (scheduled jobs waiting for their slot are the schedule, not deliveries).
 */
export async function recentDeliveries(queue: Queue<DigestJobData>, limit = 50): Promise<RecentDelivery[]> {
  const n = Math.max(1, Math.min(limit, 500));
  const states = ["completed", "failed", "active", "delayed", "waiting"] as const;
  const lists = await Promise.all(
    states.map(async (s) => ({ s, jobs: (await queue.getJobs([s], 0, n - 1, false)) as DigestJob[] })),
  );
  const rows: RecentDelivery[] = [];
  for (const { s, jobs } of lists) {
    for (const job of jobs) {
      if (!job) continue;
      if ((s === "delayed" || s === "waiting") && !job.data.manual && job.attemptsMade === 0) continue;
      rows.push(toRecent(job, s));
    }
  }
  return rows.sort((a, b) => b.at - a.at).slice(0, n);
}

/** A link to the posted message (Slack archives URL, Discord jump URL), or null when unknown. */
export function messageLink(target: DeliveryTarget | null, messageId: string | null): string | null {
  if (!target || !messageId) return null;
  if (target.platform === "slack") {
    if (!/^\d+\.\d+$/.test(messageId) || !/^[A-Z0-9]+$/.test(target.channel)) return null;
    return `https://slack.com/archives/${target.channel}/p${messageId.replace(".", "")}`;
  }
  if (!/^\d+$/.test(messageId) || !/^\d+$/.test(target.channel)) return null;
  return `https://discord.com/channels/${target.workspace ?? "@me"}/${target.channel}/${messageId}`;
}
