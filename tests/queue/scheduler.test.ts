import { afterEach, describe, expect, it } from "vitest";
import { cronPattern, nextSlot } from "../../queue/schedule.ts";
import { InputError } from "../../src/errors.ts";
import { deletePrefix, newSub, type Rig, startRig } from "./helpers.ts";

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

describe("subscriptions store and schedules", () => {
  it("subscribe stores and schedules; the same subscription twice is one; unsubscribe removes both", async () => {
    rig = await startRig({ workers: 0 });
    const rt = rig.runtimes[0]!;
    const a = await rt.service.subscribe(
      newSub({ channel: "C1", days: ["mon", "tue", "wed", "thu", "fri"] }),
    );
    expect(a.id).toMatch(/^sub_[a-z0-9]{8}$/);
    const again = await rt.service.subscribe(
      newSub({ channel: "C1", days: ["mon", "tue", "wed", "thu", "fri"] }),
    );
    expect(again.id).toBe(a.id);
    const sched = await rt.queue.getJobScheduler(a.id);
    expect(sched).toMatchObject({ pattern: "0 8 * * 1,2,3,4,5", tz: "Europe/Berlin" });
    // The slot after "now" as of the check, or as of subscribing if 08:00 Berlin passed in between.
    const slots = [nextSlot(a, new Date(Date.now() - 60_000)).getTime(), nextSlot(a, new Date()).getTime()];
    expect(slots).toContain(sched!.next);
    expect((await rt.service.list({ channel: "C1" })).map((s) => s.id)).toEqual([a.id]);
    expect(await rt.service.list({ channel: "other" })).toEqual([]);
    expect(await rt.service.unsubscribe(a.id)).toBe(true);
    expect(await rt.service.unsubscribe(a.id)).toBe(false);
    expect(await rt.queue.getJobScheduler(a.id)).toBeUndefined();
    expect(await rt.service.list()).toEqual([]);
  });

  it("bad input is refused with a friendly error and nothing is stored", async () => {
    rig = await startRig({ workers: 0 });
    const rt = rig.runtimes[0]!;
    await expect(rt.service.subscribe(newSub({ at: "25:99" }))).rejects.toThrow(InputError);
    await expect(rt.service.subscribe(newSub({ tz: "Mars/Olympus" }))).rejects.toThrow(/timezone/);
    expect(await rt.service.list()).toEqual([]);
  });

  it("deleting BullMQ's keys and restarting rebuilds every schedule from the store", async () => {
    rig = await startRig({ workers: 0 });
    const rt = rig.runtimes[0]!;
    const subs = [];
    for (let i = 0; i < 5; i++) {
      subs.push(
        await rt.service.subscribe(newSub({ at: `0${i}:30`, tz: i % 2 ? "Asia/Tokyo" : "Europe/Berlin" })),
      );
    }
    expect(await rt.queue.getJobSchedulersCount()).toBe(5);
    expect(await deletePrefix(rig.prefix, `${rig.prefix}:digests:*`)).toBeGreaterThan(0);
    expect(await rt.queue.getJobSchedulersCount()).toBe(0);

    const restarted = await rig.startRuntime({ worker: undefined, scheduler: true });
    expect(await restarted.queue.getJobSchedulersCount()).toBe(5);
    for (const sub of subs) {
      const s = await restarted.queue.getJobScheduler(sub.id);
      expect(s).toMatchObject({
        pattern: cronPattern(sub),
        tz: sub.tz,
        template: { data: { subscriptionId: sub.id } },
      });
      expect(s!.next).toBe(nextSlot(sub, new Date()).getTime());
    }
    // A rebuilt schedule made its next delayed job again.
    expect(await restarted.queue.getDelayedCount()).toBe(5);
  });

  it("reconcile fixes stale schedules, removes orphans and leaves paused subscriptions unscheduled", async () => {
    rig = await startRig({ workers: 0 });
    const rt = rig.runtimes[0]!;
    const a = await rt.service.subscribe(newSub({ at: "07:00" }));
    const b = await rt.service.subscribe(newSub({ at: "09:00" }));
    await rt.queue.upsertJobScheduler(
      a.id,
      { pattern: "0 3 * * *", tz: "UTC" },
      { name: "digest", data: { subscriptionId: a.id } },
    );
    await rt.queue.upsertJobScheduler(
      "sub_orphan01",
      { pattern: "0 3 * * *" },
      { name: "digest", data: { subscriptionId: "sub_orphan01" } },
    );
    await rt.store.pause(b.id, "channel gone");

    const result = await rt.scheduler.reconcile();
    expect(result).toMatchObject({ leader: true, upserted: 1, removed: 2 });
    expect(await rt.queue.getJobScheduler(a.id)).toMatchObject({ pattern: "0 7 * * *", tz: "Europe/Berlin" });
    expect(await rt.queue.getJobScheduler("sub_orphan01")).toBeUndefined();
    expect(await rt.queue.getJobScheduler(b.id)).toBeUndefined();
    expect((await rt.service.get(b.id))!.pausedReason).toBe("channel gone");
    expect(await rt.scheduler.reconcile()).toMatchObject({
      leader: true,
      upserted: 0,
      removed: 0,
      unchanged: 1,
    });
  });

  it("only one process at a time reconciles (leader lock)", async () => {
    rig = await startRig({ workers: 0 });
    const one = rig.runtimes[0]!;
    const two = await rig.startRuntime({ worker: undefined });
    await one.service.subscribe(newSub());
    const results = await Promise.all([
      one.scheduler.reconcile(),
      two.scheduler.reconcile(),
      one.scheduler.reconcile(),
    ]);
    expect(results.filter((r) => r.leader).length).toBeGreaterThanOrEqual(1);
    // While someone holds the lock, nobody else touches the schedulers.
    await one.redis.set(one.keys.schedulerLock, "someone-else", "PX", 10_000);
    await deletePrefix(rig.prefix, `${rig.prefix}:digests:*`);
    expect(await two.scheduler.reconcile()).toMatchObject({ leader: false, upserted: 0 });
    expect(await two.queue.getJobSchedulersCount()).toBe(0);
    await one.redis.del(one.keys.schedulerLock);
    expect(await two.scheduler.reconcile()).toMatchObject({ leader: true, upserted: 1 });
  });
});
