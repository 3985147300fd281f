import { afterEach, describe, expect, it } from "vitest";
import { deliveryKey } from "../../queue/keys.ts";
import { DIGEST_JOB, DIGEST_JOB_OPTIONS } from "../../queue/scheduler.ts";
import { enqueueManualDigest, waitForOutcome } from "../../queue/sendNow.ts";
import type { Subscription } from "../../queue/types.ts";
import { HONOUR_QUEUE_RATE_LIMIT } from "../../queue/worker.ts";
import { FakeEngine, newSub, type Rig, startRig, until } from "./helpers.ts";

let rig: Rig | null = null;
const targetOf = (s: Subscription) => ({ platform: s.platform, workspace: s.workspace, channel: s.channel });
afterEach(async () => {
  await rig?.close();
  rig = null;
});

describe("digest worker", () => {
  it("delivers a scheduled slot once, records it, and the next digest says plainly when nothing is new", async () => {
    rig = await startRig();
    const rt = rig.runtimes[0]!;
    const sub = await rt.service.subscribe(newSub({ channel: "C-sched" }));
    // The scheduler made the next slot's job; run it now instead of waiting for 08:00 Berlin.
    const [job] = await rt.queue.getDelayed();
    expect(job!.id).toMatch(new RegExp(`^repeat:${sub.id}:\\d+$`));
    const slot = Number(job!.id!.split(":").at(-1));
    await job!.promote();
    await until(async () => (await rt.queue.getCompletedCount()) === 1, 10_000, "scheduled job");
    expect(rig.fake.postsTo("C-sched")).toHaveLength(1);
    expect(rig.fake.postsTo("C-sched")[0]!.text).toMatch(/Summit in Vladivostok/);
    expect(rig.fake.postsTo("C-sched")[0]!.nonce).toBe(deliveryKey(sub.id, slot));
    const after = await rt.service.get(sub.id);
    expect(after!.lastDeliveredSlot).toBe(new Date(slot).toISOString());
    // The job scheduler queued the following slot.
    expect((await rt.queue.getDelayed()).map((j) => j.id)).toEqual([
      expect.stringMatching(`^repeat:${sub.id}:`),
    ]);

    // A manual send now: only what is new since that slot, i.e. nothing, said plainly.
    const outcome = await rt.sendNow(sub.id);
    expect(outcome.status).toBe("delivered");
    expect(rig.fake.postsTo("C-sched")).toHaveLength(2);
    expect(rig.fake.postsTo("C-sched")[1]!.text).toMatch(/nothing new/i);
    expect(rig.engine.digestCalls.at(-1)!.since!.getTime()).toBe(slot);
  });

  it("two workers never post the same slot twice, even when the slot's job is duplicated", async () => {
    rig = await startRig({ workers: 2 });
    const rt = rig.runtimes[0]!;
    const subs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => rt.service.subscribe(newSub({ channel: `dup-${i}` }))),
    );
    const slot = Date.parse("2026-01-05T07:00:00Z");
    // Three copies of each slot's job (as after a lost-and-rebuilt schedule or a racing retry).
    await rt.queue.addBulk(
      subs.flatMap((s) =>
        [0, 1, 2].map((copy) => ({
          name: DIGEST_JOB,
          data: { subscriptionId: s.id, slot, manual: true },
          opts: { ...DIGEST_JOB_OPTIONS, jobId: `dup-${s.id}-${copy}` },
        })),
      ),
    );
    await until(async () => (await rt.queue.getCompletedCount()) === 60, 20_000, "60 jobs").catch(
      async (e) => {
        console.log(
          await rt.queue.getJobCounts(),
          (await rt.queue.getFailed()).map((j) => j.failedReason),
        );
        throw e;
      },
    );
    for (const s of subs) expect(rig.fake.postsTo(s.channel), s.channel).toHaveLength(1);
    const results = (await rt.queue.getCompleted(0, -1)).map((j) => j.returnvalue.status);
    expect(results.filter((r) => r === "delivered")).toHaveLength(20);
    expect(results.filter((r) => r === "already-delivered")).toHaveLength(40);
    // Both workers took part.
    const byWorker = new Set((await rt.queue.getCompleted(0, -1)).map((j) => j.processedBy));
    expect(byWorker.size).toBe(2);
  });

  it("builds one digest per slot for many channels with the same topics, across workers", async () => {
    const engine = new FakeEngine([{ id: "x", title: "Sanctions news", addedAt: "2019-04-25T08:00:00Z" }]);
    rig = await startRig({ workers: 2, engine });
    const rt = rig.runtimes[0]!;
    const subs = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        rt.service.subscribe(newSub({ channel: `many-${i}`, topics: i % 2 ? ["sanctions"] : ["Sanctions"] })),
      ),
    );
    const slot = Date.parse("2026-01-05T07:00:00Z");
    await rt.queue.addBulk(
      subs.map((s) => ({
        name: DIGEST_JOB,
        data: { subscriptionId: s.id, slot, manual: true },
        opts: { jobId: `m-${s.id}` },
      })),
    );
    await until(async () => rig!.fake.posts.length === 30, 20_000, "30 posts");
    expect(engine.digestCalls).toHaveLength(1);
    expect(engine.digestCalls[0]!.topics!.map((t) => t.toLowerCase())).toEqual(["sanctions"]);
  });

  it("honours a 429's Retry-After before posting again", async () => {
    rig = await startRig();
    const rt = rig.runtimes[0]!;
    const sub = await rt.service.subscribe(newSub({ platform: "slack", workspace: "T1", channel: "C-429" }));
    rig.fake.rateLimit("C-429", 1);
    const outcome = await rt.sendNow(sub.id);
    expect(outcome.status).toBe("delivered");
    const tries = rig.fake.attempts.filter((a) => a.channel === "C-429");
    expect(tries.map((t) => t.status)).toEqual([429, 200]);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(1000 - 20);
    expect(rig.fake.postsTo("C-429")).toHaveLength(1);
  });

  it("a channel's 429 holds back only that channel: the queue keeps going, no attempt is spent", async () => {
    rig = await startRig();
    const rt = rig.runtimes[0]!;
    const noisy = await rt.service.subscribe(
      newSub({ platform: "slack", workspace: "T1", channel: "C-noisy" }),
    );
    const quiet = await rt.service.subscribe(
      newSub({ platform: "slack", workspace: "T1", channel: "C-quiet" }),
    );
    rig.fake.rateLimit("C-noisy", 3);
    const job = await enqueueManualDigest(rt.queue, noisy.id, { now: () => new Date() }, targetOf(noisy));
    await until(async () => (await job.getState()) === "delayed", 10_000, "the noisy job to wait");
    // No queue-wide pause: another channel is delivered while the noisy one waits out its Retry-After.
    expect(await rt.queue.getRateLimitTtl(HONOUR_QUEUE_RATE_LIMIT.max)).toBeLessThanOrEqual(0);
    expect((await rt.sendNow(quiet.id)).status).toBe("delivered");
    expect(await job.getState()).toBe("delayed");

    const outcome = await waitForOutcome(rt.queue, job.id!, noisy.id);
    expect(outcome.status).toBe("delivered");
    const tries = rig.fake.attempts.filter((a) => a.channel === "C-noisy");
    expect(tries.map((t) => t.status)).toEqual([429, 200]);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(3000 - 20);
    expect(rig.fake.postsTo("C-quiet")[0]!.at).toBeLessThan(tries[1]!.at);
    expect(rig.fake.postsTo("C-noisy")).toHaveLength(1);
    expect((await rt.queue.getJob(job.id!))!.attemptsMade).toBe(1); // the 429 cost no attempt
  });

  it("Discord's global 429 pauses the whole queue, in every worker, for its Retry-After", async () => {
    rig = await startRig({ workers: 2 });
    const rt = rig.runtimes[0]!;
    const a = await rt.service.subscribe(newSub({ platform: "discord", channel: "C-global" }));
    const b = await rt.service.subscribe(newSub({ platform: "discord", channel: "C-other" }));
    rig.fake.rateLimit("C-global", 2, 1, { global: true });
    const job = await enqueueManualDigest(rt.queue, a.id, { now: () => new Date() }, targetOf(a));
    await until(
      async () => (await rt.queue.getRateLimitTtl(HONOUR_QUEUE_RATE_LIMIT.max)) > 0,
      10_000,
      "the queue to be rate limited",
    );
    const limitedAt = rig.fake.attempts.find((t) => t.channel === "C-global")!.at;
    expect((await rt.sendNow(b.id)).status).toBe("delivered");
    // The other channel waited out the global limit too.
    expect(rig.fake.postsTo("C-other")[0]!.at - limitedAt).toBeGreaterThanOrEqual(2000 - 20);
    expect((await waitForOutcome(rt.queue, job.id!, a.id)).status).toBe("delivered");
    expect(rig.fake.attempts.filter((t) => t.channel === "C-global").map((t) => t.status)).toEqual([
      429, 200,
    ]);
    expect((await rt.queue.getJob(job.id!))!.attemptsMade).toBe(1);
  });

  it("paces posts to one channel", async () => {
    rig = await startRig({ paceMs: 300 });
    const rt = rig.runtimes[0]!;
    const a = await rt.service.subscribe(newSub({ channel: "C-pace", topics: ["summit"] }));
    const b = await rt.service.subscribe(newSub({ channel: "C-pace", topics: ["sanctions"] }));
    const c = await rt.service.subscribe(newSub({ channel: "C-pace", topics: [] }));
    const outcomes = await Promise.all([rt.sendNow(a.id), rt.sendNow(b.id), rt.sendNow(c.id)]);
    expect(outcomes.map((o) => o.status)).toEqual(["delivered", "delivered", "delivered"]);
    const times = rig.fake
      .postsTo("C-pace")
      .map((p) => p.at)
      .sort((x, y) => x - y);
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(300 - 20);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(300 - 20);
  });

  it("a channel that is gone fails without retries and pauses the subscription with a visible reason", async () => {
    rig = await startRig();
    const rt = rig.runtimes[0]!;
    const sub = await rt.service.subscribe(newSub({ platform: "discord", channel: "C-gone" }));
    expect(await rt.queue.getJobScheduler(sub.id)).toBeDefined();
    rig.fake.gone("C-gone");
    const outcome = await rt.sendNow(sub.id);
    expect(outcome.status).toBe("failed");
    expect(outcome.reason).toMatch(/Unknown Channel/);
    expect(rig.fake.attempts.filter((a) => a.channel === "C-gone")).toHaveLength(1);
    const paused = await rt.service.get(sub.id);
    expect(paused!.pausedReason).toMatch(/Unknown Channel \(10003\)/);
    expect(await rt.queue.getJobScheduler(sub.id)).toBeUndefined();
    expect(rt.service.nextDelivery(paused!)).toBeNull();
    // Later slots are skipped, not posted; reconcile leaves it unscheduled; resume schedules it again.
    expect((await rt.sendNow(sub.id)).status).toBe("skipped");
    await rt.scheduler.reconcile();
    expect(await rt.queue.getJobScheduler(sub.id)).toBeUndefined();
    expect(await rt.service.resume(sub.id)).toBe(true);
    expect(await rt.queue.getJobScheduler(sub.id)).toBeDefined();
  });

  it("an error right after the post leaves the record uncertain; the retry re-sends with the same key, posted once", async () => {
    let failOnce = true;
    rig = await startRig({
      hooks: {
        at: async (point) => {
          if (point === "after-post" && failOnce) {
            failOnce = false;
            throw new Error("Redis went away right after the post");
          }
        },
      },
    });
    const rt = rig.runtimes[0]!;
    const sub = await rt.service.subscribe(newSub({ platform: "discord", channel: "C-blip" }));
    const outcome = await rt.sendNow(sub.id);
    expect(outcome.status).toBe("delivered");
    const attempts = rig.fake.attempts.filter((a) => a.channel === "C-blip");
    expect(attempts).toHaveLength(2); // re-sent once…
    expect(rig.fake.postsTo("C-blip")).toHaveLength(1); // …and the platform deduped it by nonce
    expect(outcome.messageId).toBe(rig.fake.postsTo("C-blip")[0]!.id);
  });

  it("an unknown subscription id is skipped with a reason", async () => {
    rig = await startRig();
    const outcome = await rig.runtimes[0]!.sendNow("sub_nothere1");
    expect(outcome).toMatchObject({ status: "skipped", reason: expect.stringMatching(/no longer exists/) });
  });
});
