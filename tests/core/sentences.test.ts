import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/corpus/sentences.ts";

describe("sentence splitting", () => {
  it("survives abbreviations, quotes and numbers", () => {
    expect(
      splitSentences(
        'The U.S. said it would act. Mr. Smith backed the $500m deal for 2,000 tonnes of wheat. "It is over," he said. Profits rose 3.5% in 2019.',
      ),
    ).toEqual([
      "The U.S. said it would act.",
      "Mr. Smith backed the $500m deal for 2,000 tonnes of wheat.",
      '"It is over," he said.',
      "Profits rose 3.5% in 2019.",
    ]);
  });

  it("keeps curly quotes with their sentence", () => {
    expect(splitSentences("Kim said he hoped for a “successful and useful” summit. Putin agreed.")).toEqual([
      "Kim said he hoped for a “successful and useful” summit.",
      "Putin agreed.",
    ]);
  });

  it("returns no sentence for text with no letter or digit instead of throwing", () => {
    expect(splitSentences("------")).toEqual([]);
    expect(splitSentences("  *** \n ---  ")).toEqual([]);
    expect(splitSentences("")).toEqual([]);
  });

  it("keeps a lower-cased date or number abbreviation inside its sentence", () => {
    expect(splitSentences("He was shot on nov. 20, a source said. It ranked no. 3 in the poll.")).toEqual([
      "He was shot on nov. 20, a source said.",
      "It ranked no. 3 in the poll.",
    ]);
  });
});
