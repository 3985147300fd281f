/**
 * A digest story keeps to its word budget (STORY_WORDS) as the reader sees it: a point given the
 * sentence before it as context (withContext) counts that sentence, and the lowest-ranked point that
 * no longer fits is left out whole — no point is cut mid-sentence. Made-up articles; the points are
 * chosen by a stand-in PointSelection so the story's points are known.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { type Candidate, withinWords } from "../../src/engine/points.ts";
import { type PointSelection, STORY_WORDS } from "../../src/engine/selection/pointSelection.ts";

const words = (t: string) => t.split(/\s+/).length;

const CONTEXT =
  "Union leader Maren Osk addressed a crowd of several hundred strikers outside the main gates of the container terminal.";
// Opens on a pronoun: shown after CONTEXT, the sentence before it in its article.
const FIRST =
  "She told them the harbour company had refused every offer made during six weeks of talks and would not return.";
const SECOND =
  "Ferry services between Quarvel and the northern islands were cancelled as cranes stood idle and lorries queued along the coast road for several kilometres.";
const THIRD =
  "Shipping firms warned that perishable cargo including fresh fish and fruit could spoil within days if the stoppage at the port continued much longer.";

const RECORDS = [
  {
    id: "quarvel-1",
    text: `Quarvel harbour dockers strike over wages\n\nDockers at the Quarvel harbour walked out on Monday morning in a dispute over wages and new shift patterns. ${CONTEXT} ${FIRST}`,
  },
  {
    id: "quarvel-2",
    text: `Quarvel harbour strike halts ferries\n\nThe dockers strike at Quarvel harbour over wages entered its second day on Tuesday. ${SECOND}`,
  },
  {
    id: "quarvel-3",
    text: `Quarvel harbour strike worries shippers\n\nThe strike by Quarvel harbour dockers over wages shows no sign of ending this week. ${THIRD}`,
  },
];

/** Points FIRST, SECOND, THIRD, in that rank, for any story: together within the budget as chosen. */
function fixedSelection(): PointSelection {
  const pick = (index: Parameters<PointSelection["storyPoints"]>[0], text: string): Candidate => {
    for (let a = 0; a < index.articles.length; a++) {
      const s = index.sentences(a).find((x) => x.text === text);
      if (s) return { text: s.text, stems: s.stems, articles: [a], score: 1, position: s.position };
    }
    throw new Error(`not in the corpus: ${text}`);
  };
  return {
    briefPoints: () => [],
    storyPoints: (index) => [pick(index, FIRST), pick(index, SECOND), pick(index, THIRD)],
  };
}

describe("a digest story's word budget", () => {
  it("counts a prepended context sentence, leaving out the lowest-ranked point rather than cutting one", async () => {
    // As chosen, the three points fit; with the context sentence they would not.
    expect(words(FIRST) + words(SECOND) + words(THIRD)).toBeLessThanOrEqual(STORY_WORDS);
    expect(words(CONTEXT) + words(FIRST) + words(SECOND) + words(THIRD)).toBeGreaterThan(STORY_WORDS);
    const engine = createExtractiveEngine(articlesFromRecords(RECORDS), { selection: fixedSelection() });
    const d = await engine.digest();
    expect(d.stories.length).toBeGreaterThan(0);
    for (const story of d.stories) {
      const texts = story.points.map((p) => p.text);
      expect(texts.reduce((n, t) => n + words(t), 0)).toBeLessThanOrEqual(STORY_WORDS);
      // The best point keeps its context; the next one fits; the lowest-ranked is left out whole.
      expect(texts).toEqual([`${CONTEXT} ${FIRST}`, SECOND]);
    }
  });

  it("leaves out the lowest-ranked points, whole, until the rest fit, and always keeps the first", () => {
    const cand = (n: number, tag: string): Candidate => ({
      text: Array.from({ length: n }, (_, i) => `${tag}${i}`).join(" "),
      stems: new Set([tag]),
      articles: [0],
      score: 1,
      position: 0,
    });
    const [a, b, c] = [cand(30, "a"), cand(50, "b"), cand(10, "c")];
    // A higher-ranked point is never given up for a lower-ranked one that happens to be shorter.
    expect(withinWords([a!, b!, c!], 75).map((x) => x.text[0])).toEqual(["a"]);
    expect(withinWords([a!, c!, b!], 75).map((x) => x.text[0])).toEqual(["a", "c"]);
    expect(withinWords([a!, c!], 75)).toHaveLength(2);
    expect(withinWords([cand(80, "d")], 75)).toHaveLength(1);
    expect(withinWords([], 75)).toEqual([]);
  });
});
