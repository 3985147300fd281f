/**
 * A word written all in capitals is an initialism, no plural: WordNet reads "US" as the country, not as
 * the letter "U" ("us" singularised), so "US" answers "which African country" as little as any
 * country outside Africa does. Sentences written for these tests (no seed files, no dataset text).
 */
import { describe, expect, it } from "vitest";
import { nounSenses, synsetWords } from "../../src/text/wordnet.ts";
import { bestFits } from "../support/answerSpans.ts";

describe("an initialism in capitals", () => {
  it("is looked up as written before any singular", () => {
    const first = nounSenses("US", 1)[0];
    expect(first === undefined ? [] : synsetWords(first)).toContain("united states");
    // (A plural in lower case is still read by its singular first.)
    expect(synsetWords(nounSenses("cucumbers", 1)[0]!)).toContain("cucumber");
  });

  it("is a country of another kind than an African one", () => {
    const q = "Which African country sent troops to the border this week?";
    const us = bestFits(q, "The US sent troops to the border on Monday.").get("us") ?? 0;
    const kenya = bestFits(q, "Kenya sent troops to the border on Monday.").get("kenya") ?? 0;
    const peru = bestFits(q, "Peru sent troops to the border on Monday.").get("peru") ?? 0;
    expect(us).toBeLessThan(kenya);
    expect(us).toBeCloseTo(peru, 5);
  });
});
