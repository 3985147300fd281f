/**
 * A scale word joined by a hyphen ("a $15-billion deal", "a 2-million-strong crowd") is the figure's
 * scale, as when it stands apart ("$15 billion"): the two agree. A unit letter after a hyphen ("a 5-m
 * wall") is no scale. Made-up sentences; the control shows a real difference still read as one.
 */
import { describe, expect, it } from "vitest";
import { quantityMentions } from "../../src/engine/disagreements/figures.ts";
import type { Sentence } from "../../src/search/index.ts";

function sentence(text: string): Sentence {
  return { text, stems: new Set(), position: 0, total: 1, article: 0 };
}
const ranges = (text: string) => quantityMentions(sentence(text), "r0").map((m) => [m.lo, m.hi]);

describe("a scale word after a hyphen", () => {
  it("reads '$15-billion' as 15 billion, like '$15 billion'", () => {
    const joined = ranges("The company agreed to a $15-billion takeover of the mining group on Monday.");
    const apart = ranges("The company agreed to a $15 billion takeover of the mining group on Monday.");
    expect(joined.length).toBeGreaterThan(0);
    expect(joined).toEqual(apart);
    expect(joined[0]![0]).toBeGreaterThan(14e9);
    expect(joined[0]![1]).toBeLessThan(16e9);
  });

  it("does not read a unit letter after a hyphen as a scale (control)", () => {
    for (const [lo] of ranges("Workers built a 5-m wall around the mining site of the group."))
      expect(lo).toBeLessThan(1e6);
  });
});
