/**
 * "Where sources differ" by what a figure is about (issue 13): an age given beside a surname alone is the
 * age of the one full name of that surname in its article, and two reports disagree on it only when both
 * resolve to the same person. Made-up reports, each rule with a control.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { findDisagreements } from "../../src/engine/disagreements.ts";
import { CorpusIndex } from "../../src/search/index.ts";

function differ(texts: string[]) {
  const articles = articlesFromRecords(texts.map((text, i) => ({ id: `r${i}`, title: `Report ${i}`, text })));
  const index = new CorpusIndex(articles);
  const sentences = index.articles.flatMap((_, a) => index.sentences(a));
  return findDisagreements(sentences, (a) => index.articles[a]!.id, 5);
}
const values = (found: ReturnType<typeof differ>) =>
  found.flatMap((d) => d.claims.flatMap((c) => c.values)).sort();

describe("ages resolved to the person they are about", () => {
  const first =
    "Police said Marek Tolvaine was shot outside a petrol station in Haldby on Sunday night. Tolvaine, 32, and his wife were driving home when a car pulled up beside them.";
  const second = (age: string, who = "Tolvaine") =>
    `A gunman opened fire on a couple in Haldby on Sunday. \"He was a coward with a gun,\" the ${age}-year-old ${who} said on Monday as he stood beside the car. Marek Tolvaine was not hurt.`;

  it("reads an age beside a surname as the age of the article's full name of it", () => {
    expect(values(differ([first, second("33")]))).toEqual(["32", "33"]);
    // Control: the same age is no disagreement.
    expect(differ([first, second("32")])).toEqual([]);
  });

  it("keeps apart ages of different people of the same surname or none", () => {
    // The second report names two people of that surname: the age is not resolved.
    const family = `${second("33")} His brother Anton Tolvaine drove him home.`;
    expect(differ([first, family])).toEqual([]);
    // A surname no full name in the article fits is not resolved either.
    const unnamed =
      "A gunman opened fire on a couple in Haldby on Sunday. The 33-year-old Tolvaine said on Monday that he was not hurt.";
    expect(differ([first, unnamed])).toEqual([]);
  });

  it("reads an age given as 'aged 45' beside a full name", () => {
    const a = (age: string) => `Jana Orlik, aged ${age}, was charged with fraud by prosecutors in Vessen on Tuesday.`;
    const b = "Prosecutors in Vessen charged Jana Orlik, 46, with fraud on Tuesday.";
    expect(values(differ([a("45"), b]))).toEqual(["45", "46"]);
    expect(differ([a("46"), b])).toEqual([]);
  });
});

describe("ages at different times", () => {
  function differDated(texts: [string, string][]) {
    const articles = articlesFromRecords(
      texts.map(([text, date], i) => ({ id: `r${i}`, title: `Report ${i}`, text, date })),
    );
    const index = new CorpusIndex(articles);
    const sentences = index.articles.flatMap((_, a) => index.sentences(a));
    return findDisagreements(
      sentences,
      (a) => index.articles[a]!.id,
      5,
      (a) => index.articles[a]!.date ?? null,
    );
  }
  const early = "The other defendant, Tomas Velder, 21, sat quietly as jury selection began in Arnby.";
  const late = "Tomas Velder, 22, is serving two life sentences after pleading guilty in Arnby.";
  it("does not compare a person's age in reports months apart (a birthday between them)", () => {
    expect(differDated([[early, "1999-03-24"], [late, "1999-10-30"]])).toEqual([]);
    // Control: the same week, the same clash is a disagreement.
    expect(differDated([[early, "1999-03-24"], [late, "1999-03-26"]]).length).toBe(1);
  });
});
