/**
 * An answer given by reference: "Velvet Harbour is heading back on tour." / "The band announced a
 * reunion tour …" answers "Which band announced …" with the name "The band" refers back to, shown first
 * (retrieval.ts `referents`); people named after a plural role ("band members Tom Reyes and Ana Silva")
 * are people, both of them, not the band asked for (questions.ts). Made-up articles (no seed files, no
 * dataset text).
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { analyzeQuestion, answerSpans } from "../../src/engine/questions.ts";
import { stemSet } from "../../src/text/similarity.ts";

const QUESTION = "Which band announced this week it was reuniting with all of its original members?";

function spansOf(question: string, text: string) {
  return answerSpans(
    analyzeQuestion(question),
    question,
    [],
  )({ text, stems: stemSet(text), position: 1, total: 3, article: 0 });
}

describe("an answer given by reference", () => {
  it("reads both names after a plural role as people's", () => {
    const spans = spansOf(
      QUESTION,
      "Band members Tom Reyes and Ana Silva will reunite with original guitarist Lee Marsh for the shows.",
    );
    for (const key of ["tom reyes", "ana silva"])
      expect(spans.find((sp) => sp.key === key)?.other, key).toBe(true);
    // (Not a name joined to one after a singular role: "singer Mia Lund and Harbour Records".)
    const one = spansOf(QUESTION, "The singer Mia Lund and Harbour Records agreed a new deal for the tour.");
    expect(one.find((sp) => sp.key === "harbour records")?.person).toBeUndefined();
  });

  it("answers 'which band' with the name 'The band …' refers back to, shown first", async () => {
    const e = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "a",
          title: "Punk trio heads back on the road",
          text: [
            "Velvet Harbour is heading back on the road this autumn.",
            "The band announced a reunion tour in a video on Tuesday, with all of its original members returning.",
            "Band members Tom Reyes and Ana Silva will reunite with original guitarist Lee Marsh for the shows.",
            "Tickets go on sale next week.",
          ].join(" "),
        },
        {
          id: "b",
          title: "Festival line-up",
          text: "The Harbour festival named its line-up on Monday. Organisers said more acts would be added in the spring.",
        },
      ]),
    );
    const a = await e.ask(QUESTION);
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^Velvet Harbour — The band announced a reunion tour/);
  });

  it("takes no sentence's opening common word for the name referred to", async () => {
    const e = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "a",
          title: "Pop group to take a break",
          text: [
            "The pop group Lantern Street said on Friday they would take a long break.",
            "However they said that Lantern Street would reunite in due course.",
            "The band have had six top ten hits since they first reached the charts in 2019.",
          ].join(" "),
        },
      ]),
    );
    const a = await e.ask("Which band has had six top ten hits since 2019?");
    expect(a.answer).not.toMatch(/^However/);
  });
});
