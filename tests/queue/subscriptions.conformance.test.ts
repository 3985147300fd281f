/**
 * One set of cases, run against every implementation of the subscriptions service (as BullMQ runs one
 * suite against each of its adapters): the Redis service the product uses and the in-memory one the
 * adapter tests use (tests/support/memorySubscriptions.ts). A behaviour the two disagree on fails here.
 */
import { afterEach, describe, expect, it } from "vitest";
import { DigestRuntime } from "../../queue/runtime.ts";
import type { NewSubscription, Subscription, SubscriptionAdmin } from "../../queue/types.ts";
import { MAX_SUBSCRIPTIONS_PER_CHANNEL, validateNewSubscription } from "../../queue/validate.ts";
import { InputError, inputError } from "../../src/errors.ts";
import type { Clock } from "../../src/model.ts";
import { MemorySubscriptions } from "../support/memorySubscriptions.ts";
import { deletePrefix, quietLog, REDIS_URL, uniquePrefix } from "./helpers.ts";

interface Subject {
  subs: SubscriptionAdmin;
  /** What the digest worker does after a permanent delivery failure. */
  pause(id: string, reason: string): Promise<boolean>;
  close(): Promise<void>;
}

const implementations: { name: string; make(clock: Clock): Promise<Subject> }[] = [
  {
    name: "in-memory (tests/support)",
    async make(clock) {
      const subs = new MemorySubscriptions({ clock });
      return { subs, pause: subs.pause, close: async () => {} };
    },
  },
  {
    name: "Redis (queue/service.ts + queue/store.ts)",
    async make(clock) {
      const prefix = uniquePrefix();
      const rt = await DigestRuntime.start({ redisUrl: REDIS_URL, prefix, clock, log: quietLog });
      return {
        subs: rt.service,
        pause: (id, reason) => rt.store.pause(id, reason),
        async close() {
          await rt.close();
          await deletePrefix(prefix);
        },
      };
    },
  },
];

/** A clock the test moves: subscriptions made later sort later. */
function steppingClock(startIso: string) {
  let t = Date.parse(startIso);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

function input(over: Partial<NewSubscription> = {}): NewSubscription {
  return {
    platform: "slack",
    workspace: "T1",
    channel: "C1",
    at: "08:00",
    tz: "Europe/Berlin",
    days: ["mon", "tue", "wed", "thu", "fri"],
    topics: [],
    createdBy: "U1",
    ...over,
  };
}

/** The message the queue's validator gives for this input (both implementations must give it). */
function validatorMessage(bad: NewSubscription): string {
  try {
    validateNewSubscription(bad);
  } catch (err) {
    if (err instanceof InputError) return err.message;
    throw err;
  }
  throw new Error("expected the validator to refuse this input");
}

describe.each(implementations)("subscriptions service conformance: $name", ({ make }) => {
  let subject: Subject | null = null;
  const clock = steppingClock("2024-01-05T12:00:00.000Z");
  const start = async () => {
    subject = await make(clock);
    return subject;
  };
  afterEach(async () => {
    await subject?.close();
    subject = null;
  });

  it("subscribe normalizes the input and returns the stored subscription", async () => {
    const { subs } = await start();
    const sub = await subs.subscribe(
      input({
        at: "8:05",
        tz: "europe/berlin",
        days: [],
        topics: [" north korea ", "North Korea", "oil"],
        workspace: "",
      }),
    );
    expect(sub).toEqual({
      id: expect.stringMatching(/^sub_[a-z0-9]{8}$/),
      platform: "slack",
      workspace: null,
      channel: "C1",
      at: "08:05",
      tz: "Europe/Berlin",
      days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
      topics: ["north korea", "oil"],
      createdBy: "U1",
      createdAt: clock.now().toISOString(),
      lastDeliveredSlot: null,
      pausedReason: null,
    } satisfies Subscription);
    expect(await subs.get(sub.id)).toEqual(sub);
  });

  it.each([
    ["a time out of range", { at: "25:99" }],
    ["an unknown timezone", { tz: "Mars/Olympus" }],
    ["an offset instead of a zone", { tz: "+02:00" }],
    ["days nobody has", { days: ["someday" as never] }],
    ["an unknown platform", { platform: "teams" as never }],
    ["an empty channel", { channel: " " }],
    ["too many topics", { topics: Array.from({ length: 11 }, (_, i) => `topic ${i}`) }],
  ])("refuses %s with the validator's friendly message, storing nothing", async (_what, over) => {
    const { subs } = await start();
    const bad = input(over);
    const message = validatorMessage(bad);
    await expect(subs.subscribe(bad)).rejects.toThrow(InputError);
    await expect(subs.subscribe(bad)).rejects.toThrow(message);
    expect(await subs.list()).toEqual([]);
  });

  it("the same delivery twice is one subscription; another time or channel is another", async () => {
    const { subs } = await start();
    const a = await subs.subscribe(input({ topics: ["oil", "Gas"] }));
    clock.advance(1000);
    const again = await subs.subscribe(input({ at: "8:00", topics: ["gas", "OIL"] }));
    expect(again.id).toBe(a.id);
    expect(again.createdAt).toBe(a.createdAt);
    const later = await subs.subscribe(input({ at: "09:00", topics: ["oil", "gas"] }));
    const elsewhere = await subs.subscribe(input({ channel: "C2", topics: ["oil", "gas"] }));
    expect(new Set([a.id, later.id, elsewhere.id]).size).toBe(3);
    expect(await subs.list()).toHaveLength(3);
  });

  it("one channel holds a bounded number of digests: the next is refused kindly, others are unaffected", async () => {
    const { subs } = await start();
    const max = MAX_SUBSCRIPTIONS_PER_CHANNEL;
    const at = (i: number) =>
      `${String(Math.floor(i / 60)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}`;
    const made: Subscription[] = [];
    for (let i = 0; i < max; i++) made.push(await subs.subscribe(input({ at: at(i) })));
    const refusal = inputError("too_many_subscriptions", max).message;
    await expect(subs.subscribe(input({ at: at(max) }))).rejects.toThrow(InputError);
    await expect(subs.subscribe(input({ at: at(max) }))).rejects.toThrow(refusal);
    // The same delivery again is still the one it was; another channel, workspace or platform has room.
    expect((await subs.subscribe(input({ at: at(0) }))).id).toBe(made[0]!.id);
    await subs.subscribe(input({ at: at(max), channel: "C2" }));
    await subs.subscribe(input({ at: at(max), workspace: "T2" }));
    await subs.subscribe(input({ at: at(max), platform: "discord" }));
    expect(await subs.list({ platform: "slack", workspace: "T1", channel: "C1" })).toHaveLength(max);
    // Stopping one makes room for one.
    expect(await subs.unsubscribe(made[3]!.id)).toBe(true);
    await subs.subscribe(input({ at: at(max) }));
    await expect(subs.subscribe(input({ at: at(max + 1) }))).rejects.toThrow(refusal);
    expect(await subs.list({ platform: "slack", workspace: "T1", channel: "C1" })).toHaveLength(max);
  });

  it("many subscribes to one channel at once store no more than the bound", async () => {
    const { subs } = await start();
    const max = MAX_SUBSCRIPTIONS_PER_CHANNEL;
    const tries = Array.from({ length: max + 15 }, (_, i) =>
      subs.subscribe(
        input({ at: `${String(Math.floor(i / 60)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}` }),
      ),
    );
    const settled = await Promise.allSettled(tries);
    expect(settled.filter((r) => r.status === "fulfilled")).toHaveLength(max);
    for (const r of settled) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(InputError);
    expect(await subs.list({ channel: "C1" })).toHaveLength(max);
  });

  it("list filters by platform, workspace (null included) and channel, oldest first", async () => {
    const { subs } = await start();
    const made: Subscription[] = [];
    for (const over of [
      { platform: "slack", workspace: "T1", channel: "C1" },
      { platform: "discord", workspace: "G1", channel: "C1" },
      { platform: "slack", workspace: "T2", channel: "C9" },
      { platform: "slack", workspace: null, channel: "D1" },
    ] as const) {
      made.push(await subs.subscribe(input(over)));
      clock.advance(1000);
    }
    const ids = (list: Subscription[]) => list.map((s) => s.id);
    const [s1, d1, s2, dm] = made.map((s) => s.id);
    expect(ids(await subs.list())).toEqual([s1, d1, s2, dm]);
    expect(ids(await subs.list({ platform: "slack" }))).toEqual([s1, s2, dm]);
    expect(ids(await subs.list({ workspace: "T1" }))).toEqual([s1]);
    expect(ids(await subs.list({ workspace: null }))).toEqual([dm]);
    expect(ids(await subs.list({ channel: "C1" }))).toEqual([s1, d1]);
    expect(ids(await subs.list({ platform: "discord", workspace: "G1", channel: "C1" }))).toEqual([d1]);
    expect(await subs.list({ platform: "discord", channel: "C9" })).toEqual([]);
  });

  it("what list and get return are copies: changing them changes nothing stored", async () => {
    const { subs } = await start();
    const sub = await subs.subscribe(input());
    const [listed] = await subs.list();
    listed!.topics.push("changed");
    listed!.pausedReason = "changed";
    (await subs.get(sub.id))!.days.length = 0;
    expect(await subs.get(sub.id)).toEqual(sub);
  });

  it("unsubscribe removes once (surrounding spaces in the id ignored); unknown ids are false", async () => {
    const { subs } = await start();
    const sub = await subs.subscribe(input());
    expect(await subs.get(` ${sub.id} `)).toEqual(sub);
    expect(await subs.unsubscribe(` ${sub.id} `)).toBe(true);
    expect(await subs.unsubscribe(sub.id)).toBe(false);
    expect(await subs.get(sub.id)).toBeNull();
    expect(await subs.list()).toEqual([]);
    expect(await subs.unsubscribe("sub_nothere")).toBe(false);
  });

  it("a paused subscription says why and has no next delivery until resumed", async () => {
    const { subs, pause } = await start();
    const sub = await subs.subscribe(input());
    // Friday 12:00 UTC → Monday 08:00 in Berlin (UTC+1 in January).
    expect(subs.nextDelivery(sub, clock.now())?.toISOString()).toBe("2024-01-08T07:00:00.000Z");

    expect(await pause(sub.id, "channel_not_found")).toBe(true);
    const paused = (await subs.get(sub.id))!;
    expect(paused.pausedReason).toBe("channel_not_found");
    expect((await subs.list())[0]!.pausedReason).toBe("channel_not_found");
    expect(subs.nextDelivery(paused, clock.now())).toBeNull();

    expect(await subs.resume(sub.id)).toBe(true);
    const resumed = (await subs.get(sub.id))!;
    expect(resumed.pausedReason).toBeNull();
    expect(subs.nextDelivery(resumed, clock.now())?.toISOString()).toBe("2024-01-08T07:00:00.000Z");
  });

  it("pausing or resuming an unknown subscription is false and leaves nothing behind", async () => {
    const { subs, pause } = await start();
    expect(await pause("sub_nothere", "gone")).toBe(false);
    expect(await subs.resume("sub_nothere")).toBe(false);
    const sub = await subs.subscribe(input());
    expect(await pause(sub.id, "bot removed")).toBe(true);
    expect(await subs.unsubscribe(sub.id)).toBe(true);
    expect(await pause(sub.id, "again")).toBe(false);
    // Subscribing to the same delivery again starts clean: not paused.
    const fresh = await subs.subscribe(input());
    expect(fresh.pausedReason).toBeNull();
    expect((await subs.get(fresh.id))!.pausedReason).toBeNull();
  });
});
