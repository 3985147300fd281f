/**
 * "Where sources differ" rules (issue 13 item 2), on made-up reports (never the seeds): units converted
 * before comparing, a later settled report marked as later, a figure's own clause about the same thing,
 * parts and bare plurals not compared. Each rule has a positive control so the check can fail.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { findDisagreements } from "../../src/engine/disagreements.ts";
import { briefingToDocument } from "../../src/present/fromCore.ts";
import { CorpusIndex } from "../../src/search/index.ts";

function conflicts(texts: string[], dates?: string[]) {
  const articles = articlesFromRecords(
    texts.map((text, i) => ({
      id: `r${i}`,
      title: `Report ${i}`,
      text,
      ...(dates ? { date: dates[i] } : {}),
    })),
  );
  const index = new CorpusIndex(articles);
  const sentences = index.articles.flatMap((_, a) => index.sentences(a));
  return findDisagreements(
    sentences,
    (a) => index.articles[a]!.id,
    5,
    (a) => index.articles[a]!.date,
  );
}

describe("where sources differ", () => {
  it("converts feet to metres and miles to km before comparing (a real difference stays)", () => {
    const lighthouse = (h: string) =>
      `The old lighthouse on Gull Rock stands ${h} tall above the harbour wall.`;
    expect(conflicts([lighthouse("100 feet"), lighthouse("30 metres")])).toEqual([]);
    expect(conflicts([lighthouse("100 feet"), lighthouse("60 metres")]).length).toBe(1);
    const quake = (d: string) => `The epicentre of the quake was near Aldport, ${d} east of the capital.`;
    expect(conflicts([quake("50 miles"), quake("80 kilometres")])).toEqual([]);
    expect(conflicts([quake("50 miles"), quake("150 kilometres")]).length).toBe(1);
  });

  it("says which report is later when a settled value follows an earlier one", () => {
    const found = conflicts(
      [
        "The summit between the two leaders will take place in Port Alder, probably on Wednesday or Friday.",
        "The two leaders will meet in Port Alder on Thursday for their first summit.",
      ],
      ["2026-04-18", "2026-04-23"],
    );
    expect(found.length).toBe(1);
    const later = found[0]!.claims.filter((c) => c.later);
    expect(later.map((c) => c.text)).toEqual([expect.stringMatching(/Thursday/)]);
    expect(later[0]!.date).toBe("2026-04-23");
    const doc = briefingToDocument({
      topic: "summit",
      found: true,
      headline: "Leaders to meet",
      points: [],
      sources: [],
      disagreements: found,
      engine: "extractive",
      asOf: "2026-04-23",
    });
    const rendered = JSON.stringify(doc.blocks);
    expect(rendered).toMatch(/Later report \(2026-04-23\): The two leaders will meet/);
    expect(rendered).not.toMatch(/Later report[^"]*probably on Wednesday/);
  });

  it("does not compare a part with the whole, a bare plural, or figures of different clauses", () => {
    expect(
      conflicts([
        "Police said 129 members of the union were arrested in the latest sweep.",
        "Police said 194 members of the union have been arrested since March.",
      ]),
    ).toEqual([]);
    expect(
      conflicts([
        "The ruling will disappoint millions of Streamly users who share music online.",
        "The band asked Streamly to block 335,000 users who share music online.",
      ]),
    ).toEqual([]);
    // Control: the same count, from two reports, differs.
    expect(
      conflicts([
        "Police said 129 members of the union have been arrested since March.",
        "Police said 194 members of the union have been arrested since March.",
      ]).length,
    ).toBe(1);
  });
});
