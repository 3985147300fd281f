/**
 * A point's citations read in ascending order, each number once: the sources list numbers articles in
 * first-cited order, and a later point citing an earlier point's articles after a new one must not
 * read "[3][1][2]".
 */
import { describe, expect, it } from "vitest";
import { renderTerminal } from "../../adapters/terminal/render.ts";
import type { Briefing, Source } from "../../src/model.ts";
import { briefingToDocument, digestToDocument } from "../../src/present/fromCore.ts";

const source = (id: string, title: string): Source => ({
  id,
  title,
  publisher: null,
  date: null,
  location: `${id}.txt`,
});

const briefing: Briefing = {
  topic: "Quarvel dockers",
  found: true,
  headline: "Quarvel dockers end strike",
  points: [
    { text: "Quarvel dockers voted to end their strike on Monday.", sources: ["a", "b"] },
    { text: "The harbour's cranes stood idle for a fortnight.", sources: ["c"] },
    { text: "The dockers had asked for a rise in wages.", sources: ["c", "a", "b", "c"] },
  ],
  sources: [source("a", "Dockers vote"), source("b", "Strike ends"), source("c", "Idle cranes")],
  disagreements: [],
  engine: "extractive",
  asOf: null,
};

describe("citation numbers on a point", () => {
  it("are in ascending order, each once", () => {
    const out = renderTerminal(briefingToDocument(briefing), { color: false, width: 0 });
    expect(out).toContain("The dockers had asked for a rise in wages. [1][2][3]");
    expect(out).not.toMatch(/\[3\]\[1\]/);
  });

  it("in a digest's stories too", () => {
    const doc = digestToDocument({
      since: null,
      found: true,
      summary: "3 articles in the corpus; the 1 biggest story.",
      stories: [{ title: "Quarvel dockers end strike", points: briefing.points }],
      sources: briefing.sources,
      engine: "extractive",
      asOf: null,
    });
    const out = renderTerminal(doc, { color: false, width: 0 });
    expect(out).toContain("rise in wages. [1][2][3]");
  });
});
