/**
 * A name written with initials ("U.S.", "U.K.") loses its last period with the sentence's punctuation
 * when names are read ("U.S"); WordNet knows it with that period. Read as WordNet writes it, it is a
 * country: it answers "which country" and fits "which festival" or "who" less, as any name WordNet
 * knows as another kind of thing does. Sentences written for these tests (no seed files, no dataset text).
 */
import { describe, expect, it } from "vitest";
import { analyzeQuestion, answerSpans } from "../../src/engine/questions.ts";
import { stemSet } from "../../src/text/similarity.ts";

/** The fit of `key` among the answer spans a sentence offers a question (0 when none). */
function fitOf(question: string, sentence: string, key: string): number {
  const spans = answerSpans(
    analyzeQuestion(question),
    question,
    [],
  )({ text: sentence, stems: stemSet(sentence), position: 1, total: 3, article: 0 });
  return Math.max(0, ...spans.filter((sp) => sp.key === key).map((sp) => sp.fit));
}

describe("a name of initials cut short by its sentence's punctuation", () => {
  it("is a country, answering 'which country' as well as any country's name", () => {
    const q = "Which country was hit hardest by the storm?";
    const us = fitOf(q, "The storm hit the U.S. hardest, officials said.", "u.s");
    const chile = fitOf(q, "The storm hit Chile hardest, officials said.", "chile");
    expect(us).toBeGreaterThan(0);
    expect(us).toBeCloseTo(chile, 5);
  });

  it("answers no 'which festival' and no 'who' as well as a name of unknown kind", () => {
    const fest = "Which festival was called off because of the storm?";
    const us = fitOf(
      fest,
      "The storm was the worst in U.S. history, and the festival was called off.",
      "u.s",
    );
    const other = fitOf(
      fest,
      "The storm was the worst in Zarnova history, and the festival was called off.",
      "zarnova",
    );
    expect(us).toBeLessThan(other);
    const who = "Who called off the festival?";
    const usWho = fitOf(who, "The festival was called off by the U.K. on Friday.", "u.k");
    const person = fitOf(who, "The festival was called off by Zarnova on Friday.", "zarnova");
    expect(usWho).toBeLessThan(person);
  });
});
