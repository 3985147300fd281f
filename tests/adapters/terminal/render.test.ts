import { describe, expect, it } from "vitest";
import { renderTerminal } from "../../../adapters/terminal/render.ts";
import type { Briefing } from "../../../src/model.ts";
import { briefingToDocument } from "../../../src/present/fromCore.ts";

const briefing: Briefing = {
  topic: "dam",
  found: true,
  headline: "Council approves dam",
  points: [
    { text: "The council approved the dam.", sources: ["a", "b"] },
    { text: "Groups will appeal\u0007 in court.", sources: ["b"] },
  ],
  sources: [
    { id: "a", title: "Dam plan approved", publisher: "Daily", date: "2024-01-02", location: "a.txt" },
    { id: "b", title: "Council backs dam", publisher: null, date: null, location: "https://news.test/b" },
  ],
  disagreements: [
    {
      about: "Cost of the dam",
      claims: [
        { text: "300 million euros.", sources: ["a"] },
        { text: "450 million euros.", sources: ["b"] },
      ],
    },
  ],
  engine: "extractive",
  asOf: "2024-01-02",
};

describe("terminal rendering", () => {
  it("prints the headline, cited points, disagreements and numbered sources as plain text", () => {
    const out = renderTerminal(briefingToDocument(briefing), { color: false, width: 0 });
    expect(out).toBe(
      [
        "Council approves dam",
        "",
        "• The council approved the dam. [1][2]",
        "• Groups will appeal in court. [2]",
        "",
        "Where sources differ",
        "",
        "  Cost of the dam",
        "    • 300 million euros. [1]",
        "    • 450 million euros. [2]",
        "",
        "Articles up to 2024-01-02 · extractive: quoted from the sources",
        "",
        "Sources",
        "[1] Dam plan approved — Daily, 2024-01-02 (a.txt)",
        "[2] Council backs dam (https://news.test/b)",
        "",
      ].join("\n"),
    );
  });
});

describe("terminal safety", () => {
  it("strips ANSI escapes and bidirectional overrides from article text", async () => {
    const { safe } = await import("../../../adapters/terminal/render.ts");
    expect(safe("a\u001b[31mred\u001b[0m b\u202eevil\u202c c\u2066x\u2069")).toBe("a[31mred[0m bevil cx");
  });
});
