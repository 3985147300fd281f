/**
 * The tagger (src/text/tagger.ts: wink-nlp and a 5 MB model, ~200 ms to load) is the last check of a pair of
 * figures and loads only for a pair that needs it: a mention against itself, or two figures of the same
 * noun phrase of three words or more with the same words beside them, are decided without it. In a
 * file of its own, so no other test has loaded the tagger first. Made-up reports, never the seeds.
 */
import { describe, expect, it } from "vitest";
import { taggerLoaded } from "../../src/text/tagger.ts";
import { differ as conflicts } from "../support/disagreements.ts";

describe("the tagger loads only for pairs that need it", () => {
  it("finds a disagreement pinned by its noun phrase without loading the tagger", () => {
    const found = conflicts([
      "Around 4,000 Filipino domestic workers are still employed in Kuwait's oil towns.",
      "About 9,000 Filipino migrant domestic workers work in Kuwait's oil towns and ports.",
    ]);
    expect(found.length).toBe(1);
    expect(found[0]!.claims.map((c) => c.values)).toEqual([["around 4,000"], ["about 9,000"]]);
    expect(taggerLoaded()).toBe(false);
  });

  it("still loads it for figures whose noun phrase does not say what they count (positive control)", () => {
    conflicts([
      "The band forced Streamly to ban 335,435 users who shared its songs.",
      "The band forced Streamly to ban 317,377 users who shared its songs.",
    ]);
    expect(taggerLoaded()).toBe(true);
  });
});
