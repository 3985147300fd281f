/**
 * Adjectives of places' peoples (src/text/places.ts `isDemonym`), derived from the place names by
 * suffix rules: the adjectives are found, the places themselves and other names are not.
 */
import { describe, expect, it } from "vitest";
import { isDemonym } from "../../src/text/places.ts";

describe("isDemonym", () => {
  it("knows a people's adjective or noun, regular or not", () => {
    for (const w of [
      "Israeli",
      "Palestinians",
      "American",
      "Ukrainian",
      "Chinese",
      "Lebanese",
      "Texan",
      "British",
    ])
      expect(isDemonym(w), w).toBe(true);
  });

  it("is not a place, nor a name that only ends like one", () => {
    for (const w of ["Israel", "Iran", "Jordan", "Texas", "Republican", "Brian", "Christian", "Hamas"])
      expect(isDemonym(w), w).toBe(false);
  });
});
