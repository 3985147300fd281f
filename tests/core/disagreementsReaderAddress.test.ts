/**
 * A site's paywall notice to its reader ("thank you for reading 5 free articles") is not part of the
 * report: two sites' notices with different allowances are not a disagreement. Made-up text; the positive
 * controls keep a quoted speaker's "you" and a report's generic "you" comparable.
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

describe("sentences addressed to the reader", () => {
  it("does not set two sites' paywall notices against each other", () => {
    const found = conflicts([
      "The harbour bridge in Dunmore reopened on Monday after repairs. Thank you for reading 4 free articles.",
      "Dunmore's harbour bridge reopened to traffic on Monday. Thank you for reading 12 free articles on dunmorepost.com.",
    ]);
    expect(found).toEqual([]);
  });

  it("still compares reports, and a quoted speaker's you", () => {
    const found = conflicts([
      'The harbour bridge in Dunmore reopened on Monday. "You will see 40 free parking spaces by the quay," the mayor said.',
      'Dunmore\'s harbour bridge reopened on Monday. "You will see 25 free parking spaces by the quay," the mayor said.',
    ]);
    expect(found.length).toBe(1);
  });

  it("still compares a report's generic you", () => {
    const found = conflicts([
      "The harbour bridge in Dunmore reopened on Monday. If you drive over it you will see 40 free parking spaces by the quay.",
      "Dunmore's harbour bridge reopened on Monday. If you drive over it you will see 25 free parking spaces by the quay.",
    ]);
    expect(found.length).toBe(1);
  });
});
