/**
 * Each fact once, in other words: a point from another report that retells a fact already picked in
 * its own common words (most of what is particular to the story in it said already, by the weight of
 * its stems among the story's sentences, and no figure of its own) is left out; a point whose
 * particular words are new stays. One report's sentence shown twice, the second run on into a
 * caption, is one point. Made-up text.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import {
  type Candidate,
  pickPoints,
  restatesPicked,
  sameOpening,
  storyWeights,
} from "../../src/engine/points.ts";
import { stemSet } from "../../src/text/similarity.ts";

function cand(text: string, article: number, score: number): Candidate {
  return { text, stems: stemSet(text), articles: [article], score, position: 0 };
}

// The story's own words (Quenby, ferry, harbour, passengers) are in every sentence; the fact's are not.
const ARTICLES = articlesFromRecords([
  {
    id: "a",
    text: "Quenby ferry\n\nA Quenby harbour ferry sank with its passengers on Tuesday, the first sinking in the harbour's history. The Quenby ferry crew carried passengers across the harbour. Passengers waited at the Quenby port, the crew believed. The port ferry at Quenby had new passengers and crew. Quenby port officials met passengers of the ferry.",
  },
  {
    id: "b",
    text: "Harbour news\n\nThe loss of the Quenby harbour ferry was believed to be the first sinking in the harbour's long history, port officials said. Quenby ferry passengers praised the harbour crew. The Quenby harbour ferry passengers were rescued by fishing boats.",
  },
]);

describe("a fact retold in another report's words", () => {
  const engine = createExtractiveEngine(ARTICLES);
  const weight = storyWeights(engine.index, [0, 1]);
  const first = cand(
    "A Quenby harbour ferry sank with its passengers on Tuesday, the first sinking in the harbour's history.",
    0,
    3,
  );
  const retold = cand(
    "The Quenby port ferry and its crew were believed to be the first sinking in the harbour's history, port officials said.",
    1,
    2,
  );
  const other = cand("The Quenby harbour ferry passengers were rescued by fishing boats.", 1, 1);

  it("is left out when its particular words are said already", () => {
    // By counting stems alone it adds too much (port, crew, believed) to be a restatement.
    expect(restatesPicked([first], retold)).toBe(false);
    expect(restatesPicked([first], retold, weight)).toBe(true);
    const picked = pickPoints([first, retold, other], { max: 6, min: 0, ratio: 0, restated: true, weight });
    expect(picked.map((c) => c.text)).toEqual([first.text, other.text]);
  });

  it("stays when it tells something new, or gives a figure of its own", () => {
    expect(restatesPicked([first], other, weight)).toBe(false);
    const counted = cand(
      "The Quenby port ferry, with 40 crew, was believed to be the first sinking in the harbour's history.",
      1,
      2,
    );
    expect(restatesPicked([first], counted, weight)).toBe(false);
  });

  it("shows one report's sentence once when a copy of it runs on into a caption", () => {
    const lead = cand(
      "Two Quenby harbour ferries were reportedly damaged in the storm on Tuesday night.",
      0,
      2,
    );
    const glued = cand(
      "Two Quenby harbour ferries were reportedly damaged in the storm... ( photo agency ) boats lie on the quay at the harbour.",
      0,
      1,
    );
    expect(sameOpening(lead.text, glued.text)).toBe(true);
    expect(sameOpening(lead.text, "Two Quenby harbour ferries sailed on time.")).toBe(false);
    expect(pickPoints([lead, glued], { max: 6, min: 0, ratio: 0 }).map((c) => c.text)).toEqual([lead.text]);
  });
});
