/**
 * The per-channel bound on a store that held subscriptions before the per-channel count existed (or
 * lost it): the first subscribe to a channel without a count counts what the channel holds, so the
 * bound holds from then on, and removing keeps the count right.
 */
import { afterEach, describe, expect, it } from "vitest";
import { DigestRuntime } from "../../queue/runtime.ts";
import type { NewSubscription } from "../../queue/types.ts";
import { MAX_SUBSCRIPTIONS_PER_CHANNEL } from "../../queue/validate.ts";
import { InputError } from "../../src/errors.ts";
import { systemClock } from "../../src/model.ts";
import { deletePrefix, quietLog, REDIS_URL, uniquePrefix } from "./helpers.ts";

const prefix = uniquePrefix();
let rt: DigestRuntime | null = null;
afterEach(async () => {
  await rt?.close();
  rt = null;
  await deletePrefix(prefix);
});

function input(i: number, over: Partial<NewSubscription> = {}): NewSubscription {
  const at = `${String(Math.floor(i / 60)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}`;
  return {
    platform: "discord",
    workspace: null,
    channel: "C1",
    at,
    tz: "UTC",
    days: [],
    topics: [],
    createdBy: null,
    ...over,
  };
}

describe("per-channel bound without a stored count", () => {
  it("counts what the channel already holds, then keeps the count through removals", async () => {
    rt = await DigestRuntime.start({ redisUrl: REDIS_URL, prefix, clock: systemClock, log: quietLog });
    const made = [];
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_CHANNEL; i++) made.push(await rt.service.subscribe(input(i)));
    await rt.service.subscribe(input(0, { channel: "C2" }));
    // As a store written before the count existed.
    await rt.redis.del(rt.keys.subsByChannel);
    await expect(rt.service.subscribe(input(100))).rejects.toThrow(InputError);
    expect(await rt.service.unsubscribe(made[0]!.id)).toBe(true);
    const fits = await rt.service.subscribe(input(100));
    expect(fits.channel).toBe("C1");
    await expect(rt.service.subscribe(input(101))).rejects.toThrow(InputError);
    expect(await rt.service.list({ channel: "C1" })).toHaveLength(MAX_SUBSCRIPTIONS_PER_CHANNEL);
    await rt.service.subscribe(input(1, { channel: "C2" }));
  });
});
