/**
 * A quoted text answers a "which NOUN" question only when the noun asks for a kind of thing a quoted
 * text may name (words, writings, things made, ideas, acts: "which slogan", "which painting"); asked for
 * another kind ("which tournament", "which beverage"), it is someone's words or another thing's title.
 * Sentences written for this test (no seed files, no dataset text).
 */
import { describe, expect, it } from "vitest";
import { bestFits } from "../support/answerSpans.ts";

const sentence =
  'Two marchers who had stopped play at the Harbin Open tennis tournament also glued their hands to "The Quiet Mill" at the town gallery.';

describe("a quoted text as an answer", () => {
  it("is no answer to a question asking for a tournament", () => {
    const fits = bestFits("Which tournament did the marchers stop?", sentence);
    expect(fits.has("the quiet mill")).toBe(false);
    expect(fits.get("harbin open")).toBeGreaterThan(0);
  });
  it("is no answer to a question asking for a beverage", () => {
    const sentence = 'The marchers handed out hot cocoa, calling it "our morning protest" at the gate.';
    const fits = bestFits("Which beverage did the marchers hand out?", sentence);
    expect(fits.has("our morning protest")).toBe(false);
  });
  it("still answers a question asking for a painting or a slogan", () => {
    expect(
      bestFits("Which painting did the marchers glue their hands to?", sentence).get("the quiet mill"),
    ).toBeGreaterThan(0);
    expect(
      bestFits(
        "Which slogan did the marchers chant?",
        'The marchers chanted "Keep the Mill Quiet" at the gate.',
      ).get("keep the mill quiet"),
    ).toBeGreaterThan(0);
  });
});
