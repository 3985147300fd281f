/**
 * The superseded-slot rule in the delivery BEGIN script, at its boundary: a scheduled slot equal to the
 * subscription's last delivered one is skipped (it was delivered, perhaps under another record), an
 * older one too, a newer one goes ahead; a manual send (skipIfSuperseded false) is never skipped.
 */
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { DeliveryRecords } from "../../queue/deliveries.ts";
import { deliveryKey, digestKeys } from "../../queue/keys.ts";
import { deletePrefix, REDIS_URL, uniquePrefix } from "./helpers.ts";

const prefix = `${uniquePrefix()}-finish-stale`;
const redis = new Redis(REDIS_URL);
afterAll(async () => {
  await deletePrefix(prefix);
  await redis.quit();
});

describe("superseded slots", () => {
  it("a scheduled slot equal to or older than the last delivered one is skipped; a newer one is not", async () => {
    const keys = digestKeys(prefix);
    const records = new DeliveryRecords(redis, keys);
    const sub = "sub-finish-1";
    const last = Date.parse("2026-03-02T07:00:00Z");
    const day = 24 * 3600 * 1000;
    await redis.hset(keys.subs, sub, "{}");
    await redis.hset(keys.lastSlot, sub, String(last));
    const begin = (slot: number, skipIfSuperseded = true) =>
      records.begin({
        key: deliveryKey(sub, slot),
        subscriptionId: sub,
        slot,
        token: `t-${slot}-${skipIfSuperseded}`,
        claimTtlMs: 30_000,
        paceTarget: `discord:c-${slot}-${skipIfSuperseded}`,
        paceIntervalMs: 0,
        skipIfSuperseded,
        wantSubscription: false,
      });
    expect(await begin(last)).toMatchObject({ kind: "stale", lastSlot: last });
    expect(await begin(last - day)).toMatchObject({ kind: "stale", lastSlot: last });
    expect(await begin(last + day)).toMatchObject({ kind: "go", lastSlot: last });
    // A manual send of the same slot is not a superseded schedule.
    expect((await begin(last, false)).kind).toBe("go");
  });
});
