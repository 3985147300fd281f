/**
 * "Which country" and "which nation" ask for a country: a US state or a city is a place of another
 * kind (WordNet's "country" is first a body politic, a group, and only then a territory; "nation" is
 * only a group, the people of that territory), and a region CLDR lists as a country or territory is of
 * the kind asked though WordNet lists it as an island and a republic (Taiwan). Sentences written for
 * these tests (no seed files, no dataset text).
 */
import { describe, expect, it } from "vitest";
import { bestFits } from "../support/answerSpans.ts";

/** The best fit of `key` for `question` in "Voters in KEY chose a new leader on Saturday." */
function fitIn(question: string, place: string): number {
  return (
    bestFits(question, `Voters in ${place} chose a new leader on Saturday.`).get(place.toLowerCase()) ?? 0
  );
}

describe("a country asked", () => {
  for (const q of [
    "Which country chose a new leader this week?",
    "Which nation chose a new leader this week?",
  ]) {
    it(`keeps a state or a city below a country (${q})`, () => {
      const kenya = fitIn(q, "Kenya");
      expect(kenya).toBeGreaterThan(0);
      expect(fitIn(q, "Virginia")).toBeLessThan(kenya);
      expect(fitIn(q, "Chicago")).toBeLessThan(kenya);
    });

    it(`counts a region CLDR lists as a country (${q})`, () => {
      expect(fitIn(q, "Taiwan")).toBeCloseTo(fitIn(q, "Kenya"), 5);
    });
  }

  it("leaves a state asked for as it was", () => {
    const q = "Which state chose a new leader this week?";
    expect(fitIn(q, "Virginia")).toBeGreaterThan(fitIn(q, "Chicago"));
  });
});
