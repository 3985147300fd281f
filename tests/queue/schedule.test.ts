import { getNextMillis } from "bullmq";
import { describe, expect, it } from "vitest";
import { deliveryKey } from "../../queue/keys.ts";
import {
  cronPattern,
  describeSlot,
  nextSlot,
  slotAtOrBefore,
  slotOfSchedulerJob,
  upcomingSlots,
} from "../../queue/schedule.ts";
import { parseDays } from "../../queue/validate.ts";

const berlin8 = { at: "08:00", tz: "Europe/Berlin", days: parseDays("daily") };

describe("digest schedule", () => {
  it("turns local time and days into a cron pattern", () => {
    expect(cronPattern({ at: "08:05", days: parseDays("weekdays") })).toBe("5 8 * * 1,2,3,4,5");
    expect(cronPattern({ at: "23:59", days: parseDays("daily") })).toBe("59 23 * * *");
    expect(cronPattern({ at: "00:00", days: parseDays("sun,sat") })).toBe("0 0 * * 0,6");
  });

  it("fires at 08:00 local on both sides of the spring-forward change (Europe/Berlin)", () => {
    // 2025-03-30 02:00 CET → 03:00 CEST: 08:00 is 07:00Z before, 06:00Z from that day on.
    const slots = upcomingSlots(berlin8, new Date("2025-03-28T12:00:00Z"), 4).map((d) => d.toISOString());
    expect(slots).toEqual([
      "2025-03-29T07:00:00.000Z",
      "2025-03-30T06:00:00.000Z",
      "2025-03-31T06:00:00.000Z",
      "2025-04-01T06:00:00.000Z",
    ]);
    for (const s of slots)
      expect(describeSlot(new Date(s), "Europe/Berlin")).toMatch(/08:00 Europe\/Berlin$/);
  });

  it("fires at 08:00 local across the fall-back change, weekdays only (America/New_York)", () => {
    // 2025-11-02 02:00 EDT → 01:00 EST (a Sunday): Friday is 12:00Z, Monday 13:00Z; no weekend slots.
    const spec = { at: "08:00", tz: "America/New_York", days: parseDays("mon-fri") };
    const slots = upcomingSlots(spec, new Date("2025-10-31T00:00:00Z"), 2).map((d) => d.toISOString());
    expect(slots).toEqual(["2025-10-31T12:00:00.000Z", "2025-11-03T13:00:00.000Z"]);
  });

  it("a local time that does not exist on the spring-forward day fires an hour later that day, once", () => {
    const spec = { at: "02:30", tz: "Europe/Berlin", days: parseDays("daily") };
    const slots = upcomingSlots(spec, new Date("2025-03-29T12:00:00Z"), 2).map((d) => d.toISOString());
    expect(slots).toEqual(["2025-03-30T01:30:00.000Z", "2025-03-31T00:30:00.000Z"]);
    // …and one that happens twice on the fall-back day fires once.
    const fall = upcomingSlots(spec, new Date("2025-10-25T12:00:00Z"), 2).map((d) => d.toISOString());
    expect(fall).toEqual(["2025-10-26T00:30:00.000Z", "2025-10-27T01:30:00.000Z"]);
  });

  it("agrees with BullMQ's own next-fire computation for the same pattern and tz", () => {
    const specs = [
      berlin8,
      { at: "08:00", tz: "America/New_York", days: parseDays("weekdays") },
      { at: "06:45", tz: "Australia/Sydney", days: parseDays("mon,thu") },
    ];
    for (const spec of specs) {
      let from = new Date("2025-03-01T00:00:00Z");
      for (let i = 0; i < 60; i++) {
        const ours = nextSlot(spec, from);
        const bull = getNextMillis(from.getTime(), { pattern: cronPattern(spec), tz: spec.tz });
        expect(bull).toBe(ours.getTime());
        from = ours;
      }
    }
  });

  it("finds the slot at or before an instant, and the slot of a scheduler job", () => {
    expect(slotAtOrBefore(berlin8, new Date("2025-03-31T06:00:00Z")).toISOString()).toBe(
      "2025-03-31T06:00:00.000Z",
    );
    expect(slotAtOrBefore(berlin8, new Date("2025-03-31T05:59:59Z")).toISOString()).toBe(
      "2025-03-30T06:00:00.000Z",
    );
    expect(slotOfSchedulerJob({ id: "repeat:sub_abc:1743400800000", opts: {} })).toBe(1743400800000);
    expect(slotOfSchedulerJob({ id: "other", opts: { prevMillis: 5 } })).toBe(5);
    expect(slotOfSchedulerJob({ id: "other", opts: {} })).toBeNull();
  });

  it("makes a delivery key that fits Discord's 25-character nonce", () => {
    const key = deliveryKey("sub_zzzzzzzz", Date.parse("2099-12-31T23:59:00Z"), true);
    expect(key.length).toBeLessThanOrEqual(25);
    expect(key).toMatch(/^[a-z0-9_.]+$/);
    expect(deliveryKey("sub_a", 1000)).not.toBe(deliveryKey("sub_a", 1000, true));
  });
});
