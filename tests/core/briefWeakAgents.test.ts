/**
 * A briefing's point opening on a nameless organisation or person past its article's lead ("The man,
 * who …"), kept only to fill the briefing: left out when three others explain themselves, else its place
 * given to a spare candidate that names the topic, else kept. Made-up text.
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
    expect(withoutWeakAgents([A, WEAK, B, C], [SPARE], never)).toEqual([A, B, C]);
  });
  it("gives its place to a spare candidate when it fills a short briefing", () => {
    expect(withoutWeakAgents([A, WEAK, B], [SPARE], never)).toEqual([A, SPARE, B]);
  });
  it("keeps it when no spare candidate is left, and keeps a lead", () => {
    expect(withoutWeakAgents([A, WEAK, B], [], never)).toEqual([A, WEAK, B]);
    const lead = { ...WEAK, position: 0 };
    expect(withoutWeakAgents([A, lead, B, C], [SPARE], never)).toEqual([A, lead, B, C]);
  });
});
