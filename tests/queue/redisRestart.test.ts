/**
 * Redis restarts. Each test runs its own redis-server (never the shared one) and restarts it at chosen
 * points: between slots, and between "posted" and "job completed". With AOF (fsync always, as
 * docker-compose runs Redis) the scheduler and the worker reconnect by themselves, every slot is posted
 * exactly once and schedules keep firing. Without persistence a restart loses the store, the source of
 * truth, and so every schedule: nothing is left to rebuild them from (hence AOF in production).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DeliveryRecords } from "../../queue/deliveries.ts";
import { deliveryKey } from "../../queue/keys.ts";
import type { DigestRuntime } from "../../queue/runtime.ts";
import type { DeliveryPoint } from "../../queue/worker.ts";
import { newSub, type Rig, startRig, until } from "./helpers.ts";
import { findRedisServer, OwnRedis } from "./ownRedis.ts";

const BIN = findRedisServer();
const SKIP_REASON = "redis-server is not on PATH: the Redis restart tests need their own redis-server";

/** Holds the worker at one delivery point until the test opens it. */
class Gate {
  point: DeliveryPoint | null = null;
  #reached: (key: string) => void = () => {};
  #open: () => void = () => {};
  reached: Promise<string> = Promise.resolve("");
  #opened: Promise<void> = Promise.resolve();

  arm(point: DeliveryPoint): void {
    this.point = point;
    this.reached = new Promise((r) => {
      this.#reached = r;
    });
    this.#opened = new Promise((r) => {
      this.#open = r;
    });
  }
  open(): void {
    this.point = null;
    this.#open();
  }
  readonly at = async (point: DeliveryPoint, key: string): Promise<void> => {
    if (point !== this.point) return;
    this.#reached(key);
    await this.#opened;
  };
}

/** Lets the scheduler's pending jobs fire now (they stay in BullMQ's delayed set until due). */
async function fireScheduled(rt: DigestRuntime): Promise<Map<string, number>> {
  const slots = new Map<string, number>();
  for (const job of await rt.queue.getDelayed()) {
    await job.changeDelay(50);
    slots.set(job.data.subscriptionId, Number(job.id!.split(":").at(-1)));
  }
  return slots;
}

async function completed(rt: DigestRuntime, n: number): Promise<void> {
  await until(async () => (await rt.queue.getCompletedCount()) >= n, 15_000, `${n} completed jobs`);
}

let rig: Rig | null = null;
const gate = new Gate();
afterEach(async () => {
  gate.open();
  await rig?.close();
  rig = null;
});

describe("Redis restarts, with AOF persistence", () => {
  let redis: OwnRedis | null = null;
  beforeAll(async () => {
    if (BIN) redis = await OwnRedis.start(BIN, { persist: true });
  });
  afterEach(async () => {
    await redis?.up(); // if a test failed while Redis was down
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("between slots: scheduler and worker reconnect, schedules still fire, each slot is posted once", async (ctx) => {
    ctx.skip(!redis, SKIP_REASON);
    const server = redis!;
    rig = await startRig({ redisUrl: server.url });
    const rt = rig.runtimes[0]!;
    const subs = [
      await rt.service.subscribe(newSub({ platform: "discord", channel: "R-discord" })),
      await rt.service.subscribe(newSub({ platform: "slack", workspace: "T1", channel: "R-slack" })),
    ];
    const first = await fireScheduled(rt);
    await completed(rt, 2);

    await server.restart();

    // Everything came back from the AOF: subscriptions, schedules, the next slots' jobs.
    expect((await rt.service.list()).map((s) => s.id).sort()).toEqual(subs.map((s) => s.id).sort());
    expect(await rt.queue.getJobSchedulersCount()).toBe(2);
    // The scheduler's connection is back: it wins the lock and finds nothing to repair.
    expect(await rt.scheduler.reconcile()).toMatchObject({
      leader: true,
      upserted: 0,
      removed: 0,
      unchanged: 2,
    });
    // The worker's connections are back: the next slots fire (BullMQ promotes them when due) and post.
    const second = await fireScheduled(rt);
    expect(second.size).toBe(2);
    await completed(rt, 4);

    const records = new DeliveryRecords(rt.redis, rt.keys);
    for (const sub of subs) {
      const posts = rig.fake.postsTo(sub.channel);
      expect(posts, sub.channel).toHaveLength(2);
      for (const slots of [first, second]) {
        const rec = await records.get(deliveryKey(sub.id, slots.get(sub.id)!));
        expect(rec?.state).toBe("posted");
        expect(posts.map((p) => p.id)).toContain(rec?.messageId);
      }
      expect((await rt.service.get(sub.id))!.lastDeliveredSlot).toBe(
        new Date(second.get(sub.id)!).toISOString(),
      );
    }
    expect(await rt.queue.getFailedCount()).toBe(0);
    expect((await rt.health()).redis).toBe("up");
  });

  for (const point of ["after-post", "after-record"] as const) {
    it(`restarted at "${point}" (posted, job not completed): the job completes, posted exactly once`, async (ctx) => {
      ctx.skip(!redis, SKIP_REASON);
      const server = redis!;
      rig = await startRig({ redisUrl: server.url, hooks: { at: gate.at } });
      const rt = rig.runtimes[0]!;
      // Slack: no nonce on the platform side, so only our own records can keep this to one post.
      const sub = await rt.service.subscribe(
        newSub({ platform: "slack", workspace: "T1", channel: `R-${point}` }),
      );
      gate.arm(point);
      const slots = await fireScheduled(rt);
      await gate.reached;
      await server.restart();
      gate.open();
      await completed(rt, 1);

      const [job] = await rt.queue.getCompleted();
      expect(job!.returnvalue.status).toBe("delivered");
      expect(rig.fake.attempts.filter((a) => a.channel === sub.channel)).toHaveLength(1);
      expect(rig.fake.postsTo(sub.channel)).toHaveLength(1);
      const rec = await new DeliveryRecords(rt.redis, rt.keys).get(deliveryKey(sub.id, slots.get(sub.id)!));
      expect(rec).toMatchObject({ state: "posted", messageId: rig.fake.postsTo(sub.channel)[0]!.id });
      // And the schedule goes on.
      await fireScheduled(rt);
      await completed(rt, 2);
      expect(rig.fake.postsTo(sub.channel)).toHaveLength(2);
    });
  }

  it("Redis down while the post is being recorded: the record waits for Redis; posted exactly once", async (ctx) => {
    ctx.skip(!redis, SKIP_REASON);
    const server = redis!;
    rig = await startRig({ redisUrl: server.url, hooks: { at: gate.at } });
    const rt = rig.runtimes[0]!;
    const sub = await rt.service.subscribe(newSub({ platform: "discord", channel: "R-down" }));
    gate.arm("after-post");
    await fireScheduled(rt);
    await gate.reached;
    await server.down();
    gate.open(); // the worker now tries to record the post while Redis is away
    await new Promise((r) => setTimeout(r, 800));
    await server.up();
    await completed(rt, 1);
    expect(rig.fake.postsTo(sub.channel)).toHaveLength(1);
    const [job] = await rt.queue.getCompleted();
    expect(job!.returnvalue).toMatchObject({
      status: "delivered",
      messageId: rig.fake.postsTo(sub.channel)[0]!.id,
    });
    expect(await rt.queue.getFailedCount()).toBe(0);
  });
});

describe("Redis restarts, without persistence", () => {
  let redis: OwnRedis | null = null;
  beforeAll(async () => {
    if (BIN) redis = await OwnRedis.start(BIN, { persist: false });
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("loses the store, the source of truth, and with it every schedule: nothing is rebuilt", async (ctx) => {
    ctx.skip(!redis, SKIP_REASON);
    const server = redis!;
    rig = await startRig({ redisUrl: server.url });
    const rt = rig.runtimes[0]!;
    const sub = await rt.service.subscribe(newSub({ platform: "discord", channel: "R-volatile" }));
    await fireScheduled(rt);
    await completed(rt, 1);

    await server.restart();

    // The processes reconnect, but the data is gone: no subscriptions, no schedules, no pending slots.
    expect(await rt.service.list()).toEqual([]);
    expect(await rt.queue.getJobSchedulersCount()).toBe(0);
    expect(await rt.queue.getDelayedCount()).toBe(0);
    // Reconcile rebuilds schedules from the store, and the store is empty: nothing will ever fire again.
    expect(await rt.scheduler.reconcile()).toMatchObject({
      leader: true,
      upserted: 0,
      removed: 0,
      unchanged: 0,
    });
    // The worker is back (it takes the job) but the subscription no longer exists.
    expect(await rt.sendNow(sub.id, { timeoutMs: 10_000 })).toMatchObject({
      status: "skipped",
      reason: expect.stringMatching(/no longer exists/),
    });
    expect(rig.fake.postsTo(sub.channel)).toHaveLength(1);
  });
});
