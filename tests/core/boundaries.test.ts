/**
 * Boundary cases that one-line bugs slip through (found by `npm run mutants`): the mechanical citation
 * check dropping a source that does not hold the point, a range touching a figure at its edge (no
 * disagreement), and the "Read more" cleaning rule on a line only that rule removes. Each has a control.
 */
import { describe, expect, it } from "vitest";
import { cleanArticleText } from "../../src/corpus/clean.ts";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { toPoint } from "../../src/engine/citations.ts";
import { findDisagreements } from "../../src/engine/disagreements.ts";
import type { Candidate } from "../../src/engine/points.ts";
import { CorpusIndex } from "../../src/search/index.ts";
import { stemSet } from "../../src/text/similarity.ts";

const POINT = "The harbour authority will dredge the northern channel to twelve metres next spring.";

function corpus(secondHolds: boolean) {
  return new CorpusIndex(
    articlesFromRecords([
      {
        id: "holds",
        title: "Harbour to be dredged",
        text: `${POINT}\n\nShipping firms had asked for deeper water for years.`,
      },
      {
        id: "other",
        title: "Harbour budget",
        text: secondHolds
          ? `${POINT.replace("next spring", "in the spring")}\n\nThe budget was approved by the council.`
          : "The harbour authority approved its budget for the coming year on Monday.\n\nThe council said ferry fares would not rise.",
      },
    ]),
  );
}

const candidate = (index: CorpusIndex): Candidate => ({
  text: POINT,
  stems: stemSet(POINT),
  articles: [index.indexOf("holds")!, index.indexOf("other")!],
  score: 1,
  position: 0,
});

describe("citation check", () => {
  it("a source that does not contain the point is not cited, one that does is", () => {
    const without = corpus(false);
    expect(toPoint(without, candidate(without))).toEqual({ text: POINT, sources: ["holds"] });
    // Control: the same candidate over a corpus where the second article says it too cites both.
    const withIt = corpus(true);
    expect(toPoint(withIt, candidate(withIt))?.sources.sort()).toEqual(["holds", "other"]);
  });

  it("a point no source supports is left out", () => {
    const index = corpus(false);
    const c = candidate(index);
    expect(toPoint(index, { ...c, articles: [index.indexOf("other")!] })).toBeNull();
  });
});

describe("disagreement boundaries", () => {
  const reports = (first: string, second: string) => {
    const index = new CorpusIndex(
      articlesFromRecords([
        {
          id: "a",
          title: "Dock strike",
          text: `${first}\n\nThe union said talks would resume on Friday.`,
        },
        {
          id: "b",
          title: "Port strike grows",
          text: `${second}\n\nShipping lines diverted several vessels to other ports.`,
        },
      ]),
    );
    const sentences = [0, 1].flatMap((a) => index.sentences(a));
    return findDisagreements(sentences, (a) => index.articles[a]!.id);
  };

  it("ranges that touch at their edge are no disagreement; a step beyond the edge is", () => {
    // "5,000", a round figure, reads as what rounds to it, at most 5% either way: 4,750 to 5,250; "more
    // than 5,250" as 5,250 to 7,087: they share 5,250, so both can be true. "More than 5,300" shares
    // nothing with "5,000".
    const edge = reports(
      "5,000 dock workers joined the strike at the port of Rotterdam on Monday.",
      "More than 5,250 dock workers joined the strike at the port of Rotterdam on Monday.",
    );
    expect(edge).toEqual([]);
    const beyond = reports(
      "5,000 dock workers joined the strike at the port of Rotterdam on Monday.",
      "More than 5,300 dock workers joined the strike at the port of Rotterdam on Monday.",
    );
    expect(beyond.length).toBeGreaterThan(0);
    expect(JSON.stringify(beyond[0]!.claims)).toMatch(/5,300/);
    // A figure not rounded reads as itself: "5,137" and "more than 5,138" share nothing.
    const exact = reports(
      "5,137 dock workers joined the strike at the port of Rotterdam on Monday.",
      "More than 5,138 dock workers joined the strike at the port of Rotterdam on Monday.",
    );
    expect(exact.length).toBeGreaterThan(0);
  });

  it("the same figure twice is no disagreement (a different one is)", () => {
    const same = reports(
      "4,000 dock workers joined the strike at the port of Rotterdam on Monday.",
      "4,000 dock workers joined the strike at the port of Rotterdam on Monday, the union said.",
    );
    expect(same).toEqual([]);
    const differ = reports(
      "4,000 dock workers joined the strike at the port of Rotterdam on Monday.",
      "9,000 dock workers joined the strike at the port of Rotterdam on Monday, the union said.",
    );
    expect(differ.length).toBeGreaterThan(0);
  });
});

describe("'Read more' and copyright cleaning rules", () => {
  const body = (line: string) =>
    cleanArticleText(
      `The regional council approved the new river dam on Tuesday after a long debate.\n\n${line}\n\nFarmers downstream welcomed the decision on Wednesday morning.`,
      { title: "Dam plan approved" },
    ).paragraphs;

  it("a short 'Read more …' sentence is removed; the same sentence without it is kept", () => {
    // A full sentence (ends with a period, 8 words): no rule but the read-more one removes it.
    expect(body("Read more about the dam plan on our site.").join("\n")).not.toMatch(/read more/i);
    expect(body("Officials explained the dam plan on our site.")).toContain(
      "Officials explained the dam plan on our site.",
    );
    expect(body("Read more about the dam plan on our site.")).toHaveLength(2);
  });

  it("a copyright sentence that does not start with © is removed; the same sentence without it is kept", () => {
    expect(body("This article is copyright of the Harbour Herald and may not be reproduced.")).toHaveLength(
      2,
    );
    expect(body("This article is part of the Harbour Herald and may not be reproduced.")).toHaveLength(3);
    const c = cleanArticleText(
      "The regional council approved the new river dam on Tuesday after a long debate.\n\nCopyright 2024 Harbour Herald Media.",
      { title: "Dam plan approved" },
    );
    expect(c.paragraphs).toHaveLength(1);
    expect(c.publisher).toBe("Harbour Herald Media");
  });
});
