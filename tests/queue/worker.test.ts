import { afterEach, describe, expect, it } from "vitest";
import { DeliveryRecords } from "../../queue/deliveries.ts";
import { deliveryKey } from "../../queue/keys.ts";
import { DIGEST_JOB, DIGEST_JOB_OPTIONS } from "../../queue/scheduler.ts";
import { enqueueManualDigest, waitForOutcome } from "../../queue/sendNow.ts";
import type { Subscription } from "../../queue/types.ts";
import { FIRST_DIGEST_WINDOW_MS, HONOUR_QUEUE_RATE_LIMIT } from "../../queue/worker.ts";
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
    const iso = (ms: number) => new Date(ms).toISOString();
    rig.engine.articles = [
      {
        id: "old",
        title: "Summit in Vladivostok, two days before",
        addedAt: iso(slot - 2 * FIRST_DIGEST_WINDOW_MS),
      },
      { id: "fresh", title: "Fresh sanctions talks", addedAt: iso(slot - 3_600_000) },
    ];
    await job!.promote();
    await until(async () => (await rt.queue.getCompletedCount()) === 1, 10_000, "scheduled job");
    expect(rig.fake.postsTo("C-sched")).toHaveLength(1);
    // A new subscription's first digest covers the 24 hours before its slot (issue 12), not the corpus.
    expect(rig.engine.digestCalls[0]!.since!.getTime()).toBe(slot - FIRST_DIGEST_WINDOW_MS);
    expect(rig.fake.postsTo("C-sched")[0]!.text).toMatch(/Fresh sanctions talks/);
    expect(rig.fake.postsTo("C-sched")[0]!.text).not.toMatch(/Vladivostok/);
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
    // Claimed deliveries are held until more are claimed than one worker can hold (concurrency 8), so
    // both workers are busy at once and the duplicates race for claims, however the jobs are handed out.
    const claimed = new Set<string>();
    let openGate: () => void = () => {};
    const gate = new Promise<void>((r) => {
      openGate = r;
    });
    rig = await startRig({
      workers: 2,
      hooks: {
        at: async (point, key) => {
          if (point !== "claimed") return;
          claimed.add(key);
          if (claimed.size > 8) openGate();
          await gate;
        },
      },
    });
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
    // A Retry-After far longer than anything else here takes, so "the noisy job is still waiting" below
    // does not depend on how fast this machine is; the test ends the wait itself (promote) afterwards.
    // (Waiting out a real Retry-After is the previous test's job.)
    const retryAfterS = 30;
    rig.fake.rateLimit("C-noisy", retryAfterS);
    const job = await enqueueManualDigest(rt.queue, noisy.id, { now: () => new Date() }, targetOf(noisy));
    await until(async () => (await job.getState()) === "delayed", 10_000, "the noisy job to wait");
    const waiting = (await rt.queue.getJob(job.id!))!;
    // Delayed by the Retry-After (BullMQ re-reads the clock when delaying: at most a ms less).
    expect(waiting.delay).toBeGreaterThanOrEqual(retryAfterS * 1000 - 1);
    // No queue-wide pause: another channel is delivered while the noisy one waits out its Retry-After.
    expect(await rt.queue.getRateLimitTtl(HONOUR_QUEUE_RATE_LIMIT.max)).toBeLessThanOrEqual(0);
    expect((await rt.sendNow(quiet.id)).status).toBe("delivered");
    expect(await job.getState()).toBe("delayed");
    expect(rig.fake.attempts.filter((a) => a.channel === "C-noisy").map((t) => t.status)).toEqual([429]);

    await waiting.promote(); // the Retry-After is over
    const outcome = await waitForOutcome(rt.queue, job.id!, noisy.id);
    expect(outcome.status).toBe("delivered");
    const tries = rig.fake.attempts.filter((a) => a.channel === "C-noisy");
    expect(tries.map((t) => t.status)).toEqual([429, 200]);
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
    // Wait until the worker has handled the 429: it sets the queue's rate limit before it gives the job
    // back, so once the job is no longer active the limit is in place. (Polling for the limit itself
    // could miss its 2 s window on a busy machine.)
    await until(
      async () =>
        rig!.fake.attempts.some((t) => t.channel === "C-global" && t.status === 429) &&
        (await job.getState()) !== "active",
      10_000,
      "the worker to handle the global 429",
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
    const claimed: string[] = [];
    rig = await startRig({
      paceMs: 300,
      hooks: {
        at: async (point, key) => {
          if (point === "claimed") claimed.push(key);
        },
      },
    });
    const rt = rig.runtimes[0]!;
    const a = await rt.service.subscribe(newSub({ channel: "C-pace", topics: ["summit"] }));
    const b = await rt.service.subscribe(newSub({ channel: "C-pace", topics: ["sanctions"] }));
    const c = await rt.service.subscribe(newSub({ channel: "C-pace", topics: [] }));
    const outcomes = await Promise.all([rt.sendNow(a.id), rt.sendNow(b.id), rt.sendNow(c.id)]);
    expect(outcomes.map((o) => o.status)).toEqual(["delivered", "delivered", "delivered"]);
    expect(rig.fake.postsTo("C-pace")).toHaveLength(3);
    // Pacing spaces the moments each post takes the channel's slot, on Redis's clock (the record's
    // startedAt). Arrival times at the platform add each job's own build and HTTP time, which differ
    // under load, so they are not what is asserted here.
    const records = new DeliveryRecords(rt.redis, rt.keys);
    expect(claimed).toHaveLength(3);
    const started = (await Promise.all(claimed.map(async (k) => (await records.get(k))!.startedAt!))).sort(
      (x, y) => x - y,
    );
    expect(started[1]! - started[0]!).toBeGreaterThanOrEqual(300);
    expect(started[2]! - started[1]!).toBeGreaterThanOrEqual(300);
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
