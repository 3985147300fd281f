/**
 * A "when" or "how many" question whose best sentence holds no day or figure at all is not answered
 * by that sentence, however much of the question it repeats: the reply says the articles don't say,
 * offering it as what comes closest. Made-up records.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";

const records = [
  {
    id: "fair",
    text:
      "Harvest fair\n\nThe harvest fair in Dunmore drew farmers from across the valley, organisers said. " +
      "Volunteers spent recent days getting the harvest fair ground ready for the farmers. " +
      "Stalls sold cider, cheese and bread.",
  },
];

describe("when / how many with no day or figure in the best sentence", () => {
  const engine = createExtractiveEngine(articlesFromRecords(records));

  it("says the articles don't say when no sentence gives a day", async () => {
    const a = await engine.ask("When is the harvest fair?");
    expect(a.found).toBe(false);
    expect(a.answer).toBe("The articles don't say when the harvest fair is.");
    expect(a.points[0]?.text).toContain("harvest fair");
  });

  it("says the articles don't say how many when no sentence gives a figure", async () => {
    const a = await engine.ask("How many farmers came to the harvest fair?");
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/^The articles don't say how many farmers came to the harvest fair/);
  });

  it("still answers when a sentence gives the day", async () => {
    const dated = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "fair2",
          text: `${records[0]!.text} The harvest fair opens on Saturday, October 4.`,
        },
      ]),
    );
    const a = await dated.ask("When is the harvest fair?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("October 4");
  });
});
