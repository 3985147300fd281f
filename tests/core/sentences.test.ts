import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/corpus/sentences.ts";

describe("splitSentences", () => {
  it("returns no sentence for text with no letter or digit instead of throwing", () => {
    expect(splitSentences("------")).toEqual([]);
    expect(splitSentences("  *** \n ---  ")).toEqual([]);
    expect(splitSentences("")).toEqual([]);
  });

  it("splits ordinary prose, keeping abbreviations together", () => {
    expect(splitSentences("Mr. Kim met Mr. Putin in the U.S. city. They talked.")).toEqual([
      "Mr. Kim met Mr. Putin in the U.S. city.",
      "They talked.",
    ]);
  });

  it("keeps a lower-cased date or number abbreviation inside its sentence", () => {
    expect(splitSentences("He was shot on nov. 20, a source said. It ranked no. 3 in the poll.")).toEqual([
      "He was shot on nov. 20, a source said.",
      "It ranked no. 3 in the poll.",
    ]);
  });
});
