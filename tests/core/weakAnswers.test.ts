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
