/**
 * A best sentence that holds nothing of the kind asked and covers under half of the question is no
 * answer: the reply says the articles don't say, offering it as what comes closest. Generated records.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";

const records = [
  {
    id: "a",
    text:
      "Readers' survey\n\nReaders can vote now in our survey about the race for the presidency, or take it at the end of this story. " +
      "The candidates toured the battleground states this week. Both campaigns raised money in the autumn.",
  },
  {
    id: "b",
    text:
      "Campaign trail\n\nThe candidates spoke at rallies across the battleground states. " +
      "A debate is planned before the vote in November, organisers said.",
  },
];

describe("weak answers", () => {
  it("says the articles don't say when the best sentence holds no answer of the kind asked", async () => {
    const engine = createExtractiveEngine(articlesFromRecords(records));
    const a = await engine.ask("How many electoral votes are needed to win the presidency?");
    expect(a.found).toBe(false);
    expect(a.answer).toBe(
      "The articles don't say how many electoral votes are needed to win the presidency.",
    );
    // What comes closest is still offered, cited.
    expect(a.points[0]?.text).toContain("Readers can vote now");
    // Control: a question the same pages answer.
    const b = await engine.ask("Where did the candidates tour this week?");
    expect(b.found).toBe(true);
    expect(b.answer).toContain("battleground states");
  });
});

describe("loose answers to questions the articles hardly touch", () => {
  const rally = {
    id: "rally",
    text:
      "Rally in Millbrook\n\nSpeaking to a crowd of 6,000 people, the former governor said the whole world was watching, 50 days before polling in November. " +
      "Supporters queued for hours outside the hall. Organisers said young people would decide the race. " +
      "Electoral officials expect a high turnout.",
  };
  const question = "How many electoral votes are needed to win the November presidential election?";

  it("says the articles don't say when the best sentence covers little of the question and fits loosely", async () => {
    // The best sentence shares only "November" with the question and holds figures counting other things.
    const a = await createExtractiveEngine(articlesFromRecords([rally])).ask(question);
    expect(a.found).toBe(false);
    expect(a.answer).toBe(
      "The articles don't say how many electoral votes are needed to win the November presidential election.",
    );
    expect(a.points[0]?.text).toContain("6,000 people");
  });

  it("answers when a page is about what is asked (control)", async () => {
    const rules = {
      id: "rules",
      text: "How the count works\n\nA candidate needs 270 electoral votes to win the presidential election in November.",
    };
    const a = await createExtractiveEngine(articlesFromRecords([rally, rules])).ask(question);
    expect(a.found).toBe(true);
    expect(a.answer).toContain("270");
  });
});
