import { describe, expect, it } from "vitest";
import { figures, lowercaseVocabulary, quotedPhrases, verifyCited } from "../../src/llm/verify.ts";
import type { Passage } from "../../src/model.ts";

const passages: Passage[] = [
  {
    n: 1,
    sourceId: "a",
    text: "Dock workers at the Port of Halden began a 48-hour strike on Monday over pay.",
  },
  {
    n: 2,
    sourceId: "a",
    text: "The union said about 1,200 workers had walked out, halting container traffic.",
  },
  {
    n: 3,
    sourceId: "b",
    text: "Port managers put the number of strikers at 900 and said ferries were still running.",
  },
  {
    n: 4,
    sourceId: "b",
    text: "Transport minister Elin Sorvik urged both sides to return to talks by Friday.",
  },
  {
    n: 5,
    sourceId: "a",
    text: "Union leader Marta Holm said the workers wanted “a fair share of record profits”.",
  },
  {
    n: 6,
    sourceId: "c",
    text: "Three ministers from Russia met the delegation from North Korea in April 2019.",
  },
];
const byN = new Map(passages.map((p) => [p.n, p]));
const vocab = lowercaseVocabulary(passages);
const check = (text: string, cited: number[]) => verifyCited(text, cited, byN, vocab);

describe("figures", () => {
  it("normalises thousands separators, decimals and number words", () => {
    expect(figures("about 1,200 workers, 3 ships, 1.50 dollars, three days, a 48-hour strike")).toEqual([
      "1200",
      "3",
      "1.5",
      "48",
      "3",
    ]);
    expect(figures("April 25, 2019")).toEqual(["25", "2019"]);
  });

  it("reads every number word the disagreement finder reads, and the scale words", () => {
    // "sixty" and "eighteen" were missing from the citation check's own table, so a claim's "sixty"
    // was never checked against its passage.
    expect(figures("sixty killed, eighteen hurt, a dozen missing, a hundred rescued")).toEqual([
      "60",
      "18",
      "12",
      "100",
    ]);
  });
});

describe("quotedPhrases", () => {
  it("finds straight and curly double quotes, ignores apostrophes", () => {
    expect(quotedPhrases(`He said "a fair deal" and “No more”. It's Kim's day.`)).toEqual([
      "a fair deal",
      "no more",
    ]);
  });
});

describe("verifyCited: the citation rule", () => {
  it("accepts a faithful paraphrase citing the right passages", () => {
    expect(
      check("The union said about 1,200 workers walked out, but managers put the number at 900.", [2, 3]).ok,
    ).toBe(true);
    expect(check("Dock workers in Halden began a 48-hour strike over pay on Monday.", [1]).ok).toBe(true);
  });

  it("rejects a point that cites nothing or a passage that does not exist", () => {
    expect(check("Dock workers began a strike.", [])).toEqual({ ok: false, reason: "cites no passage" });
    const v = check("Dock workers began a strike.", [1, 9]);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.reason).toMatch(/passage 9/);
    expect(check("Dock workers began a strike.", [1.5]).ok).toBe(false);
  });

  it("rejects a figure found in no cited passage, even if another passage has it", () => {
    const v = check("The union said about 5,000 workers had walked out.", [2]);
    expect(!v.ok && v.reason).toMatch(/figure 5000/);
    // 900 is in passage 3, but the point cites only passage 2
    expect(check("The union said 900 workers had walked out.", [2]).ok).toBe(false);
    expect(check("The union said 900 workers had walked out.", [2, 3]).ok).toBe(true);
  });

  it("treats number words and digits as the same figure", () => {
    expect(check("3 ministers from Russia met the North Korea delegation in April 2019.", [6]).ok).toBe(true);
    expect(check("Four ministers from Russia met the North Korea delegation.", [6]).ok).toBe(false);
  });

  it("rejects a capitalised name found in no cited passage, including at the start of a sentence", () => {
    const v = check("Transport minister Anna Berg urged both sides to return to talks.", [4]);
    expect(!v.ok && v.reason).toMatch(/Anna/);
    expect(check("Sorvik urged both sides to return to talks by Friday.", [4]).ok).toBe(true);
    expect(check("Berg urged both sides to return to talks by Friday.", [4]).ok).toBe(false);
  });

  it("lets ordinary sentence-initial words and demonyms through", () => {
    // "Ministers" starts the sentence and occurs in lower case in the evidence; "Russian" ~ "Russia".
    expect(
      check("Ministers from the Russian side met the North Korean delegation in April 2019.", [6]).ok,
    ).toBe(true);
  });

  it("requires quotations to appear verbatim in one cited passage", () => {
    expect(check("Marta Holm said workers wanted “a fair share of record profits”.", [5]).ok).toBe(true);
    const v = check('Marta Holm said workers wanted "a fair share of all profits".', [5]);
    expect(!v.ok && v.reason).toMatch(/quotation/);
  });

  it("requires a minimum content-word overlap with the cited passages", () => {
    const v = check("Container traffic resumed after managers raised wages sharply.", [2]);
    expect(!v.ok && v.reason).toMatch(/content words/);
  });

  it("rejects empty and over-long text", () => {
    expect(check("   ", [1]).ok).toBe(false);
    expect(check(`Dock workers began a strike ${"over pay ".repeat(60)}`, [1]).ok).toBe(false);
  });
});
