/**
 * Where an answer span sits among the question's words: beside the rare ones it asks about more than
 * beside a common one only; and a place after "in the" / "from the" is as much where something
 * happened as one right after the preposition. Sentences written for these tests (no seed files, no
 * dataset text).
 */
import { describe, expect, it } from "vitest";
import { bestFits, termsOf } from "../support/answerSpans.ts";

/** The question's terms, each weighted as given (an idf), else 1. */
const fits = bestFits;

describe("an answer's nearness to the question's terms", () => {
  it("prefers the name beside the rare terms to the one beside a common word only", () => {
    const q = "Who won the prize for best puppetry soloist?";
    const terms = termsOf(q, { won: 0.3, prize: 0.6, best: 0.3, puppetry: 3, soloist: 3 });
    // (Each name is within three words of a question term: only which terms tells them apart.)
    const s = "The puppetry soloist Marta Velloso took the stage as Teodor Brandt won applause.";
    const f = fits(q, s, terms);
    expect(f.get("marta velloso")).toBeGreaterThan(f.get("teodor brandt")!);
  });
});

describe("a place after a preposition and 'the'", () => {
  it("fits a 'where' question as well as one right after the preposition", () => {
    const q = "Where did the council of elders meet?";
    const terms = termsOf(q);
    const withThe = fits(q, "The council of elders met in the Amber Hall on a cold Monday.", terms);
    // (The same distance from the question's words, "there" for "the".)
    const without = fits(q, "The council of elders met there in Amber Hall on a cold Monday.", terms);
    expect(withThe.get("amber hall")).toBeGreaterThan(0);
    expect(withThe.get("amber hall")).toBe(without.get("amber hall"));
  });
});
