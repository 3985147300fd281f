/** The one rule that tells names from ordinary words by how a corpus writes them (src/text/nameCase.ts). */
import { describe, expect, it } from "vitest";
import { CaseCounts, isAcronym, writesInLowerCase } from "../../src/text/nameCase.ts";

describe("CaseCounts", () => {
  it("a word is a name when written capitalised mid-sentence more often than not", () => {
    const c = new CaseCounts();
    c.count("Labour", "labour", false);
    c.count("Labour", "labour", false);
    c.count("labour", "labour", false);
    c.count("Security", "security", false);
    c.count("security", "security", false);
    c.count("security", "security", false);
    expect(c.isName("Labour")).toBe(true);
    expect(c.isName("Security")).toBe(false);
  });

  it("a word opening its sentence is not counted: its capital says nothing", () => {
    const c = new CaseCounts();
    for (let i = 0; i < 5; i++) c.count("Markets", "markets", true);
    c.count("markets", "markets", false);
    expect(c.capital.get("markets")).toBeUndefined();
    expect(c.isName("Markets")).toBe(false);
  });

  it("acronyms are names however they are counted; a capitalised word is not an acronym", () => {
    const c = new CaseCounts();
    for (const w of ["UK", "FBI", "G8", "U.S.", "U.S"]) {
      expect(isAcronym(w)).toBe(true);
      expect(c.isName(w)).toBe(true);
    }
    for (const w of ["Us", "U", "A.", "uk", "Labour"]) expect(isAcronym(w)).toBe(false);
  });
});

describe("writesInLowerCase", () => {
  /** The definition it must agree with: the lower-case runs after a space, collected. */
  const runs = (text: string) => new Set([...text.matchAll(/(?<=\s)\p{Ll}[\p{Ll}'’-]+/gu)].map((m) => m[0]));

  it("is true only for a whole lower-case word after a space", () => {
    expect(writesInLowerCase("History was made as history repeats.", "history")).toBe(true);
    expect(writesInLowerCase("History was made.", "history")).toBe(false);
    expect(writesInLowerCase("a prehistory of it", "history")).toBe(false);
    expect(writesInLowerCase("the histories of it", "history")).toBe(false);
    expect(writesInLowerCase("the history’s end", "history")).toBe(false);
    expect(writesInLowerCase("the history-making day", "history")).toBe(false);
    expect(writesInLowerCase("the history, then", "history")).toBe(true);
    expect(writesInLowerCase("(history) of it", "history")).toBe(false);
    expect(writesInLowerCase("history", "history")).toBe(false);
  });

  it("agrees with collecting every lower-case run, on any word of any text", () => {
    const texts = [
      "Rome, Italy (CNN) — the pope’s visit to rome was brief; Rome’s mayor said rome-bound trains ran.",
      "Hurts threw two touchdowns.\tThe hurts healed.\u00a0hurts and rice, Rice said; rice’s price rose",
      "Apple apple APPLE\u2003apple-pie apple's apples apple\u2028apple",
      "über Über über-cool naïve naïveté café cafés 𝑎𝑏c ab𝑐 x",
      "  leading spaces then words—dashes–and–more d'Artagnan o’neill",
    ];
    for (const text of texts) {
      const set = runs(text);
      const words = new Set([
        ...set,
        ...text.split(/[\s,.;:()—–]+/u).flatMap((w) => [w, w.toLowerCase(), w.slice(1), w.slice(0, -1)]),
        "",
        "a",
        "ab",
        "rome-bound trains",
      ]);
      for (const w of words)
        expect(writesInLowerCase(text, w), `${JSON.stringify(w)} in ${text}`).toBe(set.has(w));
    }
  });
});
