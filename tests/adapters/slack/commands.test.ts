import { describe, expect, it } from "vitest";
import { describeDays, parseCommand, parseDays, parseTimezone } from "../../../adapters/slack/commands.ts";

describe("parseCommand", () => {
  it("help for empty text and help words", () => {
    for (const t of ["", "   ", "help", "HELP", "--help", "?"])
      expect(parseCommand(t)).toEqual({ kind: "help" });
  });

  it("a topic otherwise, whitespace normalised", () => {
    expect(parseCommand("  north   korea  ")).toEqual({ kind: "brief", topic: "north korea" });
  });

  it("subscribe with time, timezone, days and comma-separated topics", () => {
    expect(parseCommand("subscribe 8:00 Europe/Berlin weekdays north korea, sanctions")).toEqual({
      kind: "subscribe",
      at: "08:00",
      tz: "Europe/Berlin",
      days: ["mon", "tue", "wed", "thu", "fri"],
      topics: ["north korea", "sanctions"],
    });
    expect(parseCommand("subscribe 07:30 UTC")).toMatchObject({
      days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
      topics: [],
    });
    expect(parseCommand("subscribe 07:30 America/New_York mon,wed,fri")).toMatchObject({
      days: ["mon", "wed", "fri"],
    });
    expect(parseCommand("subscribe 07:30 Asia/Tokyo fri-mon putin")).toMatchObject({
      days: ["mon", "fri", "sat", "sun"],
      topics: ["putin"],
    });
  });

  it("friendly errors for bad subscribe input", () => {
    expect(parseCommand("subscribe")).toMatchObject({ kind: "invalid" });
    expect(parseCommand("subscribe 25:99 Europe/Berlin")).toMatchObject({
      kind: "invalid",
      message: expect.stringMatching(/time/),
    });
    expect(parseCommand("subscribe 08:00")).toMatchObject({
      kind: "invalid",
      message: expect.stringMatching(/timezone/),
    });
    expect(parseCommand("subscribe 08:00 Mars/Olympus")).toMatchObject({
      kind: "invalid",
      message: expect.stringMatching(/timezone/),
    });
    expect(parseCommand("unsubscribe")).toMatchObject({ kind: "invalid" });
  });

  it("subscriptions and unsubscribe", () => {
    expect(parseCommand("subscriptions")).toEqual({ kind: "subscriptions" });
    expect(parseCommand("unsubscribe abc123")).toEqual({ kind: "unsubscribe", id: "abc123" });
  });

  it("days and timezones", () => {
    expect(parseDays("weekends")).toEqual(["sat", "sun"]);
    expect(parseDays("banana")).toBeNull();
    expect(parseTimezone("europe/berlin")).toBe("Europe/Berlin");
    expect(parseTimezone("../etc/passwd")).toBeNull();
    expect(describeDays(["mon", "tue", "wed", "thu", "fri"])).toBe("weekdays");
  });
});
