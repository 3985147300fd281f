/**
 * A briefing's point opening on a nameless organisation or person past its article's lead ("The man,
 * who …"): left out when three others explain themselves, else its place given to a spare candidate
 * (those naming the topic first, then the others on it), else kept only while fewer than two others
 * remain. A lower-cased copy's opening is read with its names capitalised. Made-up text.
 */
import { describe, expect, it } from "vitest";
import { withoutWeakAgents } from "../../src/engine/brief.ts";
import type { Candidate } from "../../src/engine/points.ts";
import { stemSet } from "../../src/text/similarity.ts";

const cand = (text: string, position: number): Candidate => ({
  text,
  stems: stemSet(text),
  articles: [0],
  score: 1,
  position,
});
const never = () => false;

const WEAK = cand("The man, who goes by the handle kestrel, posed as the Oslow mayor in emails.", 0.5);
const A = cand("An Oslow prankster fooled the town hall into replying to fake emails.", 0);
const B = cand("Oslow officials said the emails came from a free mail account.", 0.3);
const C = cand("The Oslow town hall has since changed its mail filters.", 0.6);
const SPARE = cand("Ida Brenn, the Oslow mayor, said she had never written to the council.", 0.4);

describe("withoutWeakAgents", () => {
  it("leaves out a nameless person not needed to fill the briefing", () => {
    expect(withoutWeakAgents([A, WEAK, B, C], [[SPARE]], never)).toEqual([A, B, C]);
  });
  it("gives its place to a spare candidate when it fills a short briefing", () => {
    expect(withoutWeakAgents([A, WEAK, B], [[SPARE]], never)).toEqual([A, SPARE, B]);
    expect(withoutWeakAgents([A, WEAK, B], [[], [SPARE]], never)).toEqual([A, SPARE, B]);
  });
  it("leaves it out when no spare candidate is left and two others remain, and keeps a lead", () => {
    expect(withoutWeakAgents([A, WEAK, B], [], never)).toEqual([A, B]);
    expect(withoutWeakAgents([A, WEAK], [], never)).toEqual([A, WEAK]);
    const lead = { ...WEAK, position: 0 };
    expect(withoutWeakAgents([A, lead, B, C], [[SPARE]], never)).toEqual([A, lead, B, C]);
  });
  it("reads a lower-cased copy's names as shown", () => {
    const named = cand("The justice department said the oslow emails were being examined.", 0.5);
    const shown = (c: Candidate) =>
      c === named ? "The Justice Department said the Oslow emails were being examined." : c.text;
    expect(withoutWeakAgents([A, named, B, C], [], never, shown)).toEqual([A, named, B, C]);
    expect(withoutWeakAgents([A, named, B, C], [], never)).toEqual([A, B, C]);
  });
});
