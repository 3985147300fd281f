import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../adapters/slack/commands.ts";
import { isDaysWord } from "../../../usecases/subscribe.ts";

describe("parseCommand", () => {
  it("help for empty text and help words", () => {
    for (const t of ["", "   ", "help", "HELP", "--help", "?"])
      expect(parseCommand(t)).toEqual({ kind: "help" });
  });

  it("a topic otherwise, whitespace normalised", () => {
    expect(parseCommand("  north   korea  ")).toEqual({ kind: "brief", topic: "north korea" });
  });

  it("subscribe: time, timezone, an optional set of days, then comma-separated topics, as typed", () => {
    expect(parseCommand("subscribe 8:00 Europe/Berlin weekdays north korea, sanctions")).toEqual({
      kind: "subscribe",
      at: "8:00",
      tz: "Europe/Berlin",
      days: "weekdays",
      topics: "north korea, sanctions",
    });
    expect(parseCommand("subscribe 07:30 UTC")).toEqual({
      kind: "subscribe",
      at: "07:30",
      tz: "UTC",
      days: "",
      topics: "",
    });
    expect(parseCommand("subscribe 07:30 America/New_York mon,wed,fri")).toMatchObject({
      days: "mon,wed,fri",
    });
    expect(parseCommand("subscribe 07:30 Asia/Tokyo fri-mon putin")).toMatchObject({
      days: "fri-mon",
      topics: "putin",
    });
    // A first topic word that is not a set of days stays a topic.
    expect(parseCommand("subscribe 07:30 Asia/Tokyo oil prices")).toMatchObject({
      days: "",
      topics: "oil prices",
    });
  });

  it("leaves missing or bad values to the use case (which words the error the same on every surface)", () => {
    expect(parseCommand("subscribe")).toEqual({ kind: "subscribe", at: "", tz: "", days: "", topics: "" });
    expect(parseCommand("subscribe 25:99 Mars/Olympus")).toMatchObject({ at: "25:99", tz: "Mars/Olympus" });
    expect(parseCommand("unsubscribe")).toEqual({ kind: "unsubscribe", id: "" });
  });

  it("subscriptions and unsubscribe", () => {
    expect(parseCommand("subscriptions")).toEqual({ kind: "subscriptions" });
    expect(parseCommand("unsubscribe abc123")).toEqual({ kind: "unsubscribe", id: "abc123" });
  });

  it("tells a set of days from a topic word", () => {
    for (const w of ["weekends", "daily", "mon-fri", "mon,wed"]) expect(isDaysWord(w), w).toBe(true);
    for (const w of ["banana", "putin", "10:00"]) expect(isDaysWord(w), w).toBe(false);
  });
});
