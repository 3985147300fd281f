/**
 * A question asking in place after a noun and a preposition ("the president of which country") asks
 * for what follows that noun and preposition in a sentence ("the president of Veloria"), not for a
 * name that merely follows the noun ("President Ana Lira"). Sentences written for these tests (no seed
 * files, no dataset text).
 */
import { describe, expect, it } from "vitest";
import { bestFits } from "../support/answerSpans.ts";

describe("a slot asked after a noun and a preposition", () => {
  const q = "The president of which island country flew to the summit this week?";

  it("is not filled by a name right after the noun", () => {
    const fits = bestFits(q, "President Ana Lira flew to the summit on Monday with her aides.");
    // (The name is still read as a name, with the fit any unknown name has; a slot's filler is read as
    // up to three words from where it opens, "ana lira flew".)
    expect([...fits.keys()]).toEqual(["ana lira"]);
  });

  it("is filled by what follows the noun and the preposition", () => {
    const fits = bestFits(q, "The president of Veloria flew to the summit on Monday with her aides.");
    const slot = [...fits].filter(([k]) => k.startsWith("veloria")).map(([, f]) => f);
    expect(Math.max(0, ...slot)).toBeGreaterThanOrEqual(0.8);
  });

  it("keeps a slot asked right after a verb", () => {
    const fits = bestFits("The new cream treats what?", "A new cream treats skin rashes in a week.");
    expect(fits.get("skin rashes") ?? 0).toBeGreaterThan(0);
  });
});
