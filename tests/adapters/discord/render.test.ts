import { describe, expect, it } from "vitest";
import { parseDays } from "../../../adapters/discord/days.ts";
import { limitViolations } from "../../../adapters/discord/limits.ts";
import { chunkLines, escapeMarkdown, renderDocument, textMessage } from "../../../adapters/discord/render.ts";
import { SubscriptionInputError } from "../../../queue/types.ts";
import { noticeDocument } from "../../../src/present/fromCore.ts";
import { visibleText } from "./driver.ts";

describe("discord rendering", () => {
  it("escapes markdown and breaks mention syntax, yet shows the text as written", () => {
    const text =
      "# Big *bold* _it_ ~~s~~ `code` ||spoiler|| > quote <@123> <@&4> <#5> <t:1:R> @everyone @here [a](http://x) 1. list \\";
    const escaped = escapeMarkdown(text);
    expect(escaped).not.toMatch(/(^|[^\\])<[@#t]/);
    expect(escaped).not.toMatch(/@everyone|@here/);
    expect(visibleText({ content: escaped })).toBe(text);
  });

  it("plain messages never unfurl a URL from user text, public or ephemeral", () => {
    expect(textMessage("Subscribed about https://evil.example/x").flags).toBe(4);
    expect(textMessage("no digest https://evil.example/x", { ephemeral: true }).flags).toBe(64 | 4);
  });

  it("keeps a single over-long line within a chunk, never leaving a dangling escape", () => {
    const line = "\\*".repeat(3000);
    const chunks = chunkLines([line], 1024);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(1024);
      expect(c.endsWith("\\")).toBe(false);
    }
    expect(chunks.join("")).toBe(line);
  });

  it("renders a notice as one embed without buttons, within limits", () => {
    const [m, ...rest] = renderDocument(noticeDocument("Note", "x".repeat(10_000)));
    expect(rest.length).toBeGreaterThanOrEqual(1);
    expect(limitViolations(m!)).toEqual([]);
    expect(m!.components).toBeUndefined();
    expect(m!.allowed_mentions).toEqual({ parse: [] });
  });

  it("parses days", () => {
    expect(parseDays(undefined)).toHaveLength(7);
    expect(parseDays("weekdays")).toEqual(["mon", "tue", "wed", "thu", "fri"]);
    expect(parseDays("Weekends")).toEqual(["sat", "sun"]);
    expect(parseDays("fri, Monday wed")).toEqual(["mon", "wed", "fri"]);
    expect(() => parseDays("funday")).toThrow(/funday/);
    // The queue's shared parser: ranges too, and its friendly error type.
    expect(parseDays("tue-thu")).toEqual(["tue", "wed", "thu"]);
    expect(() => parseDays("funday")).toThrow(SubscriptionInputError);
  });
});
