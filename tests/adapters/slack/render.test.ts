import { describe, expect, it } from "vitest";
import { escapeText, mrkdwnLink } from "../../../adapters/slack/escape.ts";
import { LIMITS, renderDocument, splitLine } from "../../../adapters/slack/render.ts";
import type { Document } from "../../../src/present/document.ts";
import { slackCouldPing, slackLimitViolations } from "./driver.ts";

function doc(over: Partial<Document> = {}): Document {
  return {
    kind: "briefing",
    title: "Title",
    blocks: [],
    sources: [],
    fallbackText: "fallback",
    actions: ["share", "ask_followup", "feedback_up", "feedback_down"],
    topic: "t",
    ...over,
  };
}

const asMessage = (m: { text: string; blocks: unknown[] }) => ({
  id: "x",
  channel: "C",
  text: "",
  threadOf: null,
  ephemeral: false,
  raw: m,
});

describe("escaping", () => {
  it("escapes the three control characters and defuses broadcast words", () => {
    // Mention tokens go whole (issue 11 item 10), the rest is escaped.
    expect(escapeText("a & b <!channel> <@U1> > c")).toBe("a &amp; b &gt; c");
    expect(escapeText("hi @here and @everyone")).toBe("hi and");
    expect(escapeText("<!subteam^S1|@team> <#C1|general> ＠channel x")).toBe("x");
    // Control characters, NUL and bidi overrides never reach Slack.
    expect(escapeText("a\u0000b\u0007c\u202Ed\u2066e\u009bf\ng")).toBe("abcdef\ng");
  });

  it("builds links only to http(s), with a label that cannot break out", () => {
    expect(mrkdwnLink("https://x.example/a?b=1&c=2", "T|itle <b>")).toBe(
      "<https://x.example/a?b=1&amp;c=2|T¦itle &lt;b&gt;>",
    );
    expect(mrkdwnLink("javascript:alert(1)", "x")).toBe("x");
    expect(mrkdwnLink("https://x.example/>|<!channel>", "x")).not.toMatch(/<!channel>/);
  });
});

describe("renderDocument", () => {
  it("renders points with citations linked to URL sources, a sources block and buttons", () => {
    const [m] = renderDocument(
      doc({
        blocks: [
          {
            kind: "list",
            items: [
              [
                { kind: "text", text: "Kim met Putin" },
                { kind: "cite", source: 1 },
                { kind: "cite", source: 2 },
              ],
            ],
          },
        ],
        sources: [
          {
            n: 1,
            id: "a",
            title: "A <story>",
            publisher: "Pub",
            date: "2019-04-25",
            url: "https://a.example/1",
            location: "https://a.example/1",
          },
          { n: 2, id: "b", title: "B", publisher: null, date: null, url: null, location: "b.txt" },
        ],
      }),
      { ref: "ref-1" },
    );
    const json = JSON.stringify(m);
    expect(json).toContain("• Kim met Putin <https://a.example/1|[1]>[2]");
    expect(json).toContain("[1] <https://a.example/1|A &lt;story&gt;> · Pub · 2019-04-25");
    expect(m?.blocks.at(-1)).toMatchObject({ type: "actions" });
    expect(slackLimitViolations(asMessage(m!))).toEqual([]);
  });

  it("hostile article text cannot ping or link anyone", () => {
    const evil = "<!channel> <!here> <!everyone> <@U123> <#C1|x> <https://evil.example|click> @here";
    const messages = renderDocument(
      doc({
        title: evil,
        fallbackText: evil,
        blocks: [{ kind: "paragraph", content: [{ kind: "text", text: evil, bold: true }] }],
      }),
      { ref: "r" },
    );
    for (const m of messages) expect(slackCouldPing(asMessage(m))).toBe(false);
    expect(JSON.stringify(messages)).not.toMatch(/<https:\/\/evil/);
  });

  it("splits a huge document within every limit, keeping all text and the actions last", () => {
    const items = Array.from({ length: 400 }, (_, i) => [
      { kind: "text" as const, text: `item ${i} ${"&<> word ".repeat(60)}` },
    ]);
    const messages = renderDocument(
      doc({
        title: "T".repeat(500),
        blocks: [
          { kind: "list", items },
          { kind: "paragraph", content: [{ kind: "text", text: "y ".repeat(5000) }] },
        ],
      }),
      { ref: "r" },
    );
    expect(messages.length).toBeGreaterThan(5);
    for (const m of messages) expect(slackLimitViolations(asMessage(m))).toEqual([]);
    const text = JSON.stringify(messages);
    for (let i = 0; i < 400; i++) expect(text).toContain(`item ${i} `);
    expect(messages.slice(0, -1).some((m) => m.blocks.some((b) => b.type === "actions"))).toBe(false);
    expect(messages.at(-1)?.blocks.at(-1)?.type).toBe("actions");
  });

  it("never cuts an entity or a link when splitting a long line", () => {
    const line = `${"&amp; ".repeat(700)}<https://a.example|[1]>${"x&lt;".repeat(300)}`;
    const pieces = splitLine(line, 500);
    expect(pieces.join("").replace(/\s/g, "")).toBe(line.replace(/\s/g, ""));
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(500);
      expect(p).not.toMatch(/&[a-z]{0,3}$/);
      expect(p.lastIndexOf("<")).toBeLessThanOrEqual(p.lastIndexOf(">"));
    }
  });

  it("has no buttons without a reference and chunks more than ten sources", () => {
    const sources = Array.from({ length: 25 }, (_, i) => ({
      n: i + 1,
      id: `s${i}`,
      title: `S${i}`,
      publisher: null,
      date: null,
      url: null,
      location: "x",
    }));
    const [m] = renderDocument(doc({ sources }));
    expect(m?.blocks.some((b) => b.type === "actions")).toBe(false);
    const contexts = m?.blocks.filter((b) => b.type === "context") ?? [];
    expect(contexts.map((c) => (c as { elements: unknown[] }).elements.length)).toEqual([10, 10, 5]);
    expect(LIMITS.blocksPerMessage).toBe(50);
  });
});
