/**
 * Each fact once: a briefing's or a digest story's point that adds nothing to the points already chosen,
 * one of them from another report (its own words, a report's attribution, a year aside), gives its place
 * to the next candidate. Points that share the story's words but state different facts stay, and so does
 * a restatement that gives a new figure. Made-up text.
 */
import { describe, expect, it } from "vitest";
import { type Candidate, pickPoints, redundant, restatesPicked } from "../../src/engine/points.ts";
import { topUp } from "../../src/engine/selection/pointSelection.ts";
import { stemSet } from "../../src/text/similarity.ts";

function cand(text: string, article: number, score: number): Candidate {
  return { text, stems: stemSet(text), articles: [article], score, position: 0 };
}
const PICK = { max: 6, min: 0, ratio: 0, restated: true };
const texts = (cs: Candidate[]) => cs.map((c) => c.text);

// One fact in two reports' words: a year for the cup's number, its own source and outlet.
const A = cand(
  "A second source close to the league tells the gazette that the riverton owls are the halftime act for winter cup xii.",
  0,
  3,
);
const B = cand(
  "Officials announced in a statement that the riverton owls are the halftime act at the 2027 winter cup, several sources confirmed to the herald.",
  1,
  2,
);
// The story's words, other facts.
const C = cand(
  "Tickets for the winter cup final in riverton sold out within an hour, the league said, and resale prices doubled.",
  1,
  1,
);
const D = cand(
  "The league's stadium in riverton will hold 60,000 fans for the winter cup final next month.",
  2,
  0.5,
);

describe("a point that adds nothing to the points chosen", () => {
  it("another report's wording of a chosen fact gives its place to the next candidate", () => {
    // Below the near-duplicate test: main kept both.
    expect(redundant(A.stems, B.stems)).toBe(false);
    expect(restatesPicked([A], B)).toBe(true);
    expect(texts(pickPoints([A, B, C, D], PICK))).toEqual([A.text, C.text, D.text]);
    // Its place is not taken by a sentence ranked below the last that fitted.
    expect(texts(pickPoints([A, B, C, D], { ...PICK, max: 3 }))).toEqual([A.text, C.text]);
  });

  it("a top-up skips it too", () => {
    expect(texts(topUp([A], [B, C], 2))).toEqual([A.text, C.text]);
    // A briefing refilling a left-out point's place: the restatement passed over takes it.
    expect(texts(topUp([A], [B, C], 2, { restatementTakesPlace: true }))).toEqual([A.text]);
  });

  it("control: two reports' points that share the story's words but state different facts both stay", () => {
    expect(restatesPicked([A], C)).toBe(false);
    expect(restatesPicked([A, C], D)).toBe(false);
    const e = cand("The riverton council said its frozen meal factories would double their output.", 0, 2);
    const f = cand("The firm said frozen meal factories in riverton were running at full capacity.", 1, 1);
    expect(restatesPicked([e], f)).toBe(false);
    expect(pickPoints([e, f], PICK)).toHaveLength(2);
  });

  it("a restatement that gives a new figure stays", () => {
    const g = cand(
      "The spring flood destroyed homes and farms in the riverton valley on monday, the mayor said.",
      0,
      3,
    );
    const withFigure = cand(
      "Officials announced in a statement that the spring flood destroyed 40 homes and farms in the riverton valley, several sources said.",
      1,
      2,
    );
    const without = cand(
      "Officials announced in a statement that the spring flood destroyed homes and farms in the riverton valley, according to several sources.",
      1,
      2,
    );
    expect(restatesPicked([g], withFigure)).toBe(false);
    expect(restatesPicked([g], without)).toBe(true);
  });

  it("one report's own sentences are left to the near-duplicate test", () => {
    expect(restatesPicked([A], { ...B, articles: [0] })).toBe(false);
  });
});
