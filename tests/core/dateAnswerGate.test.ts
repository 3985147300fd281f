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

  it("answers with a time said relative to the report (last week, two days ago, this morning)", async () => {
    for (const when of ["last week", "two days ago", "earlier this month", "this morning", "in the spring"]) {
      const e = createExtractiveEngine(
        articlesFromRecords([
          {
            id: "strike",
            text: `Harbour strike ends\n\nThe dockers' strike in Quarvel ended ${when} after a pay deal with the port owners.`,
          },
          {
            id: "port",
            text: "Quarvel port reopens\n\nShips returned to the port of Quarvel after the dockers' strike ended.",
          },
        ]),
      );
      const a = await e.ask("When did the dockers' strike in Quarvel end?");
      expect(a.found, when).toBe(true);
      expect(a.answer, when).toContain(when);
    }
  });
});
