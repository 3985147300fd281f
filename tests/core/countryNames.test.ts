/**
 * A country is one thing however it is written: a question saying "United Kingdom" reaches articles
 * that say "UK" or "Britain" (WordNet's other names of that country, each naming it first), while a
 * name that merely shares a synset ("China" for Taiwan) is no other name of it. Articles and questions
 * written for these tests (no seed files, no dataset text).
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { countryNames } from "../../src/text/wordnet.ts";

describe("a country's other names", () => {
  it("are the one-word names WordNet gives it that name it first", () => {
    expect(countryNames("United Kingdom")).toEqual(expect.arrayContaining(["UK", "Britain"]));
    expect(countryNames("Burma")).toContain("Myanmar");
    expect(countryNames("Taiwan")).not.toContain("China");
    expect(countryNames("Texas")).toEqual([]);
    expect(countryNames("teapot")).toEqual([]);
  });

  it("let a question naming the country one way reach articles naming it another", async () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "frost",
          title: "UK shivers through its coldest night",
          date: "2031-01-12",
          text:
            "The UK recorded its coldest night on Tuesday, with the thermometer at minus 27 degrees in a Highland glen. " +
            "Forecasters said the cold snap would ease by the weekend. " +
            "Trains were cancelled across the north of Britain as points froze.",
        },
        {
          id: "markets",
          title: "Grain prices climb",
          date: "2031-01-11",
          text: "Grain prices rose for a third week as buyers stocked up. Traders expect calmer markets in spring.",
        },
      ]),
    );
    const a = await engine.ask(
      "The United Kingdom recorded its coldest night this week. How cold did it get?",
    );
    expect(a.found).toBe(true);
    expect(a.answer).toContain("minus 27 degrees");
  });
});
