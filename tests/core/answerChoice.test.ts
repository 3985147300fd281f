/**
 * How an answer is chosen, on generated articles (no seed files): the newest report as of the asking
 * date leads, a demonym finds its place, the answer named in full leads, and a question asking in
 * place is answered by what fills its slot.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { analyzeQuestion } from "../../src/engine/questions.ts";

function engineOf(records: { id: string; title: string; text: string; date?: string }[], now?: string) {
  return createExtractiveEngine(
    articlesFromRecords(records),
    now ? { clock: { now: () => new Date(now) } } : {},
  );
}

describe("answer choice", () => {
  it("prefers the report newest as of the asking date for a question about this week", async () => {
    const e = engineOf(
      [
        {
          id: "old",
          title: "Storm news",
          date: "2019-03-01",
          text: "The prime minister of Portugal resigned this week after a long crisis in the government. Officials met.",
        },
        {
          id: "new",
          title: "Government news",
          date: "2024-03-01",
          text: "The prime minister of Ireland resigned this week after a long crisis in the government. Officials met.",
        },
      ],
      "2024-03-03T12:00:00Z",
    );
    const a = await e.ask("The prime minister of which country resigned this week?");
    expect(a.answer).toContain("Ireland");
  });

  it("finds a place from its demonym instead of saying the articles don't say", async () => {
    const e = engineOf([
      {
        id: "a",
        title: "Elephants row",
        text: "Botswana threatened to send 20,000 elephants to Germany in a row over hunting trophies. The minister spoke on Monday.",
      },
    ]);
    const a = await e.ask("The Botswanan president threatened to send 20,000 of which animal to Germany?");
    expect(a.found).toBe(true);
  });

  it("does not split a question after U.S. and reads its kind from the asking word", () => {
    expect(analyzeQuestion("Which state will hold a runoff for a U.S. Senate seat?").type).toBe("place");
    expect(analyzeQuestion("Fox announced this week when it would part ways with which host?").type).toBe(
      "person",
    );
  });
});
