/**
 * A question worded otherwise than the article that answers it: an irregular verb ("sell" / "sold",
 * "fall" / "fell"), a measure asked with "how" and an adjective the answer doesn't repeat ("How old"
 * / "dates back 1,700 years"), a verb the article words otherwise ("seek" / "demands"). Composed
 * news-like records.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { splitSentences } from "../../src/corpus/sentences.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { askedVerb } from "../../src/engine/questions.ts";
import { otherVerbForms } from "../../src/text/verbForms.ts";

const records = [
  {
    id: "auction",
    text:
      "Bidders crowded the auction hall in the capital on Tuesday. " +
      "The cipher machine went under the hammer with a starting price of 9,000 euros. " +
      "Dealers said it was a rare cipher machine, used in the war, and it was sold for 45,000 euros. " +
      "The collector had spotted the device in a market and paid 100 euros for it. " +
      "Historians say the region may hold other devices not yet catalogued.",
  },
  {
    id: "storm",
    text:
      "A large oak fell on a crowded picnic in Riverside Park on Saturday, injuring five people. " +
      "Firefighters used chain saws to free those trapped under its branches. " +
      "The city council will review its inspection of ageing trees.",
  },
  {
    id: "chapel",
    text:
      "New laboratory tests show that the mortar of the hillside chapel dates back 1,700 years. " +
      "Restorers removed a marble slab to reach the original stone. " +
      "Visitors will be let in again next spring.",
  },
  {
    id: "lawsuit",
    text:
      "A former student is suing the college over its disciplinary hearings. " +
      "The lawsuit, filed last week, demands $250,000 in damages from the college. " +
      "The college said it would contest the claims in court.",
  },
  {
    id: "flood",
    text:
      "A student group won damages from a landlord after a flood last year. " +
      "The student union said the case was settled out of court.",
  },
  {
    id: "insurance",
    text:
      "Insurers paid damages to a student whose car was crushed in the storm. " +
      "Another student said the claims took months to settle.",
  },
];

describe("answers worded otherwise than the question", () => {
  const engine = createExtractiveEngine(articlesFromRecords(records));

  it("matches an irregular verb's other forms", async () => {
    expect(otherVerbForms("sell")).toContain("sold");
    expect(otherVerbForms("fell")).toContain("fall");
    expect(otherVerbForms("table")).toEqual([]);
    const a = await engine.ask("How much did the cipher machine sell for?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("45,000 euros");
    const b = await engine.ask("Where did the oak fall?");
    expect(b.found).toBe(true);
    expect(b.answer).toContain("Riverside Park");
  });

  it("does not need the adjective of 'how old' in the answer", async () => {
    const a = await engine.ask("How old is the chapel?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("1,700 years");
  });

  it("does not count the verb asked with as a word the articles lack", async () => {
    expect(askedVerb("How much does the student seek in damages?")).toBe("seek");
    expect(askedVerb("Where was the painting found?")).toBe("found");
    expect(askedVerb("Who won the award?")).toBeNull();
    const a = await engine.ask("How much does the student seek in damages?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("$250,000");
    // Control: a question about something no article mentions is still not answered.
    const b = await engine.ask("How much does the stadium cost the league?");
    expect(b.found).toBe(false);
  });
});

describe("sentences after a spaced closing bracket", () => {
  it("splits at a stop after a closed bracket", () => {
    expect(
      splitSentences("It was sold for 45,000 euros ( $ 51,500 ). The collector had bought it for 100 euros."),
    ).toEqual(["It was sold for 45,000 euros ( $ 51,500 ).", "The collector had bought it for 100 euros."]);
    // Inside a bracket still open, no split.
    expect(splitSentences("Prices ( see the table ( left ). Right ) rose. They fell.")[0]).not.toBe(
      "Prices ( see the table ( left ).",
    );
  });
});
