import { describe, expect, it } from "vitest";
import {
  describeDays,
  parseAt,
  parseDays,
  parseTimezone,
  parseTopics,
  validateNewSubscription,
} from "../../queue/validate.ts";
import { InputError } from "../../src/errors.ts";

describe("subscription input", () => {
  it("accepts 24-hour times and refuses anything outside 00:00–23:59", () => {
    expect(parseAt("08:00")).toBe("08:00");
    expect(parseAt("8:05")).toBe("08:05");
    expect(parseAt("23:59")).toBe("23:59");
    expect(parseAt("00:00")).toBe("00:00");
    expect(parseAt("8.30")).toBe("08:30");
    expect(parseAt("8h30")).toBe("08:30");
    for (const bad of ["24:00", "25:99", "12:60", "8am", "", "0800", "-1:00"]) {
      expect(() => parseAt(bad), bad).toThrow(InputError);
    }
    expect(() => parseAt("25:99")).toThrow(/HH:MM between 00:00 and 23:59/);
  });

  it("knows IANA timezones, fixes their case, and suggests a near miss", () => {
    expect(parseTimezone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(parseTimezone("europe/berlin")).toBe("Europe/Berlin");
    expect(parseTimezone("UTC")).toBe("UTC");
    expect(() => parseTimezone("Mars/Olympus")).toThrow(/not a timezone I know.*Europe\/Berlin/);
    expect(() => parseTimezone("Europe/Berln")).toThrow(/did you mean Europe\/Berlin/);
    expect(() => parseTimezone("+02:00")).toThrow(InputError);
    expect(() => parseTimezone("")).toThrow(InputError);
  });

  it("reads days the way people write them", () => {
    expect(parseDays("weekdays")).toEqual(["mon", "tue", "wed", "thu", "fri"]);
    expect(parseDays("mon-fri")).toEqual(["mon", "tue", "wed", "thu", "fri"]);
    expect(parseDays("daily")).toHaveLength(7);
    expect(parseDays("every day")).toHaveLength(7);
    expect(parseDays("Friday, mon,wed")).toEqual(["mon", "wed", "fri"]);
    expect(parseDays("fri-mon")).toEqual(["mon", "fri", "sat", "sun"]);
    expect(parseDays("weekends")).toEqual(["sat", "sun"]);
    expect(parseDays("Mon - Fri")).toEqual(["mon", "tue", "wed", "thu", "fri"]);
    expect(parseDays("work days")).toEqual(["mon", "tue", "wed", "thu", "fri"]);
    expect(parseDays("mon;wed/fri")).toEqual(["mon", "wed", "fri"]);
    expect(() => parseDays("someday")).toThrow(/not a set of days/);
    expect(describeDays(parseDays("mon-fri"))).toBe("weekdays");
    expect(describeDays(parseDays("daily"))).toBe("every day");
    expect(describeDays(parseDays("weekends"))).toBe("weekends");
    expect(describeDays(["wed", "mon"])).toBe("Mon, Wed");
  });

  it("cleans topics and bounds them", () => {
    expect(parseTopics(" sanctions , Kim  Jong Un,,SANCTIONS")).toEqual(["sanctions", "Kim Jong Un"]);
    expect(parseTopics("")).toEqual([]);
    expect(() => parseTopics("x".repeat(81))).toThrow(/too long/);
    expect(() => parseTopics(Array.from({ length: 11 }, (_, i) => `t${i}`).join(","))).toThrow(/up to 10/);
  });

  it("validates a whole subscription and refuses an unknown platform or an empty channel", () => {
    const ok = validateNewSubscription({
      platform: "slack",
      workspace: " T1 ",
      channel: "C1",
      at: "7:30",
      tz: "america/new_york",
      days: [],
      topics: ["a", "A"],
      createdBy: "U1",
    });
    expect(ok).toMatchObject({ workspace: "T1", at: "07:30", tz: "America/New_York", topics: ["a"] });
    expect(ok.days).toHaveLength(7);
    const base = { ...ok };
    expect(() => validateNewSubscription({ ...base, platform: "teams" as "slack" })).toThrow(
      /slack or discord/,
    );
    expect(() => validateNewSubscription({ ...base, channel: " " })).toThrow(/channel/);
  });
});
