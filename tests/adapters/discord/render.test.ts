import { describe, expect, it } from "vitest";
import { limitViolations } from "../../../adapters/discord/limits.ts";
import {
  chunkLines,
  escapeMarkdown,
  renderDocument,
  renderNotice,
  spellCommand,
  textMessage,
} from "../../../adapters/discord/render.ts";
import { noticeDocument } from "../../../src/present/fromCore.ts";
import { channel, code, command, rich } from "../../../src/present/richText.ts";
import { visibleText } from "./driver.ts";

describe("discord rendering", () => {
  it("escapes markdown and breaks mention syntax, yet shows the text as written", () => {
    const text =
      "# Big *bold* _it_ ~~s~~ `code` ||spoiler|| > quote <@123> <@&4> <#5> <t:1:R> @everyone @here [a](http://x) 1. list \\";
    const escaped = escapeMarkdown(text);
    expect(escaped).not.toMatch(/(^|[^\\])<[@#t]/);
    expect(escaped).not.toMatch(/@everyone|@here/);
    // Mention tokens are removed whole (issue 11 item 10); everything else shows as written.
    expect(visibleText({ content: escaped })).toBe(
      "# Big *bold* _it_ ~~s~~ `code` ||spoiler|| > quote <t:1:R> [a](http://x) 1. list \\",
    );
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

  it("renders the catalogue's rich text: commands spelled for Discord, ids as code, channels as links", () => {
    const m = renderNotice(
      rich`Id ${code("sub_1`<@123>@everyone")} in ${channel("123456789012345678")} and ${channel("<@1>")}: stop it with ${command("unsubscribe", { id: "sub_1" })}.`,
      { ephemeral: true },
    );
    expect(m.content).toBe(
      "Id `sub_1'` in <#123456789012345678> and \\#: stop it with `/summit-unsubscribe id:sub_1`.",
    );
    expect(m.flags).toBe(64 | 4);
    expect(spellCommand("subscribe", { at: "08:00", tz: "UTC", days: "weekdays" })).toBe(
      "/summit-subscribe time:08:00 timezone:UTC days:weekdays",
    );
  });
});
