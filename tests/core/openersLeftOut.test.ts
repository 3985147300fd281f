/**
 * Points that would open on a reference they don't explain, left out or given a spare's place: a
 * connective before a pronoun ("But he …"); a quotation completed onto its speaker's pronoun ("…,"
 * she said); a briefing whose every point is left out refills from its spares rather than show the
 * first (`alone: false`). Made-up text.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { type Candidate, completeQuotes, unexplainedOpener, withContext } from "../../src/engine/points.ts";

describe("unexplainedOpener after a connective", () => {
  it("reads a pronoun after a connective as a pronoun opener", () => {
    expect(unexplainedOpener("But he shrugged off criticism from residents of Oslow.", 3)).toBe("pronoun");
    expect(unexplainedOpener("And she said the Oslow dam would hold.", 3)).toBe("pronoun");
    expect(unexplainedOpener("But Brenn shrugged off criticism from residents of Oslow.", 3)).toBeNull();
  });
});

const ARTS = articlesFromRecords([
  {
    id: "q",
    text: "Oslow vote\n\nIda Brenn, the Oslow mayor, will run again in the spring election. Residents asked whether her illness would keep her from the race. \"Some people are saying that, but more people are saying run again. If they don't think I'm up to it, then vote for someone else,\" she said outside the town hall. Brenn was first elected in 2019.",
  },
  {
    id: "r",
    text: 'Oslow poll\n\nIda Brenn will run for mayor of Oslow again. "Some voters doubted me, but more voters asked me to run again. If they want another mayor, they can vote for one," Brenn said at the town hall. She leads the latest poll.',
  },
]);

describe("completeQuotes onto a pronoun", () => {
  const engine = createExtractiveEngine(ARTS);
  const cand = (a: number, text: string): Candidate => {
    const s = engine.index.sentences(a).find((x) => x.text.startsWith(text))!;
    return { text: s.text, stems: s.stems, articles: [a], score: 1, position: s.position };
  };
  it("leaves out a quotation whose completion names its speaker only by a pronoun", () => {
    expect(completeQuotes(engine.index, [cand(0, '"Some people')])).toEqual([]);
  });
  it("keeps one whose completion names its speaker", () => {
    const [done] = completeQuotes(engine.index, [cand(1, '"Some voters')]);
    expect(done?.text).toMatch(/Brenn said at the town hall\.$/);
  });
  it("leaves a briefing's spares to refill when every point is left out (alone: false)", () => {
    const she = { ...cand(1, "She leads") };
    expect(withContext(engine.index, [she], { context: "agents", descriptions: "agents" })).toEqual([she]);
    expect(
      withContext(engine.index, [she], { context: "agents", descriptions: "agents", alone: false }),
    ).toEqual([]);
  });
});
