/**
 * A figure said to have climbed or risen to a level ("the jackpot climbed to an estimated $120 million")
 * is where a moving amount stood when told: another report's figure of it is of another moment unless
 * both sentences tie it to one time. Made-up text; the positive control shares the time and is shown.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { findDisagreements } from "../../src/engine/disagreements.ts";
import { CorpusIndex } from "../../src/search/index.ts";

function conflicts(texts: string[]) {
  const articles = articlesFromRecords(texts.map((text, i) => ({ id: `r${i}`, title: `Report ${i}`, text })));
  const index = new CorpusIndex(articles);
  const sentences = index.articles.flatMap((_, a) => index.sentences(a));
  return findDisagreements(sentences, (a) => index.articles[a]!.id, 5);
}

describe("a figure that climbed to a level", () => {
  it("is not set against another moment's figure of the moving amount", () => {
    const found = conflicts([
      "The Grand Lotto jackpot climbed to an estimated $120 million jackpot after no winning numbers were drawn Friday.",
      "Dunmore sold one of the winning tickets for last night's record-breaking $180 million Grand Lotto jackpot, lottery officials said.",
    ]);
    expect(found).toEqual([]);
  });

  it("is compared when both sentences tie it to one time", () => {
    const found = conflicts([
      "The Dunmore lottery jackpot climbed to an estimated $120 million jackpot after no winning numbers were drawn Friday.",
      "The Dunmore lottery jackpot was a record $180 million jackpot after no winning numbers were drawn Friday.",
    ]);
    expect(found.length).toBe(1);
  });
});
