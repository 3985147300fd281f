/**
 * Answers an editor would not sign: a name that cannot be of the kind asked (no country's name for
 * "which country", a numbered event's for "who" or "which team") fits less; and a name given once
 * only, in a sentence covering little of the question, is a guess: "The articles don't say …", with
 * that sentence as the closest. Sentences and records written for this test (no seed files, no
 * dataset text).
 */
import { describe, expect, it } from "vitest";
import { bestFits } from "../support/answerSpans.ts";

describe("a name of another kind than asked", () => {
  it("is no country's when neither WordNet nor the list of regions knows it", () => {
    const fits = bestFits(
      "Which country is the birthplace of paper kites?",
      "The Nevada State Fire Marshal said paper kites were first flown in China centuries ago.",
    );
    expect(fits.get("nevada state fire marshal")).toBeLessThanOrEqual(0.5);
    expect(fits.get("china")).toBeGreaterThan(0.5);
  });

  it("is no person's when it holds a figure", () => {
    const fits = bestFits(
      "Who won the sprint at the Harbor 500?",
      "The Lakeside 250 ended early after Dana Vale won the sprint on the final lap.",
    );
    expect(fits.get("lakeside 250")).toBeLessThanOrEqual(0.5);
    expect(fits.get("dana vale")).toBeGreaterThan(0.5);
  });

  it("is no team's when it ends on a year", () => {
    const fits = bestFits(
      "Which team lifted the trophy?",
      "Glenford Rovers lifted the trophy at Cup 2031 after a late goal.",
    );
    expect(fits.get("cup 2031")).toBeLessThanOrEqual(0.5);
    expect(fits.get("glenford rovers")).toBeGreaterThan(0.5);
  });
});
