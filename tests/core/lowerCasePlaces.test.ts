/**
 * A "where" answer written in lower case ("a march in lisbon"), as some feeds write names: a word after
 * a preposition of place that WordNet knows as one named place is a place, a common word of place
 * ("at home", "in town") is not. Made-up text.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { analyzeQuestion, answerSpans } from "../../src/engine/questions.ts";
import type { Sentence } from "../../src/search/index.ts";

const sentence = (text: string): Sentence => ({ text, stems: new Set(), position: 0, total: 1, article: 0 });

describe("places written in lower case", () => {
  const q = "Where was the bakers' march held?";
  const spans = answerSpans(analyzeQuestion(q), q, []);

  it("finds a named place after a preposition of place", () => {
    const keys = spans(sentence("The bakers' march was held in lisbon after weeks of planning.")).map(
      (s) => s.key,
    );
    expect(keys).toContain("lisbon");
    expect(
      spans(sentence("Bakers marched on saturday in new york, organisers said.")).map((s) => s.key),
    ).toContain("new york");
  });

  it("takes no common word of place for one", () => {
    // (A common word of place only tells that the sentence answers "where" loosely: it weighs nothing,
    // fit 0; typedAnswers.test.ts.)
    const weighed = (text: string) => spans(sentence(text)).filter((s) => s.fit > 0);
    expect(weighed("The bakers stayed at home after the march was held.")).toEqual([]);
    expect(weighed("The march was held in town after weeks of planning.")).toEqual([]);
  });

  it("answers with the sentence that names the place", async () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "march",
          text:
            "Bakers march\n\nThe bakers' march was held to protest the new flour tax, the bakers' union said. " +
            "Many bakers gathered in lisbon on saturday. " +
            "Bread prices have risen for months.",
        },
      ]),
    );
    const a = await engine.ask(q);
    expect(a.found).toBe(true);
    expect(a.answer).toContain("gathered in lisbon");
  });
});
