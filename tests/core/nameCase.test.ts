/** The one rule that tells names from ordinary words by how a corpus writes them (src/text/nameCase.ts). */
import { describe, expect, it } from "vitest";
import { CaseCounts, isAcronym } from "../../src/text/nameCase.ts";

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
