/**
 * A sentence opening on a possessive or demonstrative determiner ("Its Harbor store …", "Their
 * Lakeview branch …", "This Dover plant …") opens no name: the name is what follows it. Sentences written
 * for these tests (no seed files, no dataset text).
 */
import { describe, expect, it } from "vitest";
import { bestFits } from "../support/answerSpans.ts";

describe("a determiner opening a sentence", () => {
  const q = "Which town has the busiest bakery in the county?";
  for (const opener of ["Its", "Their", "This"]) {
    it(`is no part of the name after it ("${opener} Dunmore …")`, () => {
      const keys = [...bestFits(q, `${opener} Dunmore bakery sells more bread than any other.`).keys()];
      expect(keys).toContain("dunmore");
      expect(keys).not.toContain(`${opener.toLowerCase()} dunmore`);
    });
  }
});
