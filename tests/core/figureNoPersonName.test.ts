/**
 * A name holding a figure ("Dunmore 300", "Cup 2031") is an event's or a thing's, never a person's: it
 * answers "who" or "which driver" as little as "White House" does. Sentences written for these tests
 * (no seed files, no dataset text).
 */
import { describe, expect, it } from "vitest";
import { notOnePerson } from "../../src/engine/answerKinds.ts";
import { bestFits } from "../support/answerSpans.ts";

describe("a name with a figure in it", () => {
  it("is not one person's", () => {
    expect(notOnePerson("Dunmore 300")).toBe(true);
    expect(notOnePerson("Harbor Cup 2031")).toBe(true);
    expect(notOnePerson("Mara Quell")).toBe(false);
  });

  it("answers 'which driver' less than a person's name beside it", () => {
    const fits = bestFits(
      "Which driver took the lead on the final lap this week?",
      "On the final lap of the Dunmore 300 the lead went to Mara Quell.",
    );
    expect(fits.get("dunmore 300") ?? 0).toBeLessThan(fits.get("mara quell") ?? 0);
  });
});
