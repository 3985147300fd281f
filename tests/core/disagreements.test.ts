/**
 * "Where sources differ" rules (issue 13 item 2), on made-up reports (never the seeds): units converted
 * before comparing, a later settled report marked as later, a figure's own clause about the same thing,
 * parts and bare plurals not compared. Each rule has a positive control so the check can fail.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { restatedConflicts } from "../../src/engine/disagreements/restated.ts";
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

  it("compares a figure only with one of the same verb (the verb found by the tagger)", () => {
    expect(
      conflicts([
        "The band delivered to Streamly the names of 335,435 users who shared its songs.",
        "The band forced Streamly to ban 317,377 users who shared its songs.",
      ]),
    ).toEqual([]);
    // Control: the same verb, two values.
    expect(
      conflicts([
        "The band forced Streamly to ban 335,435 users who shared its songs.",
        "The band forced Streamly to ban 317,377 users who shared its songs.",
      ]).length,
    ).toBe(1);
  });

  it("compares distances only of the same thing located", () => {
    expect(
      conflicts([
        "The epicentre is located at about 70 kilometres southeast of Varna, near the port of Aldport.",
        "Fire crews fought the blaze at the Aldport refinery, about 110 kilometres southeast of Varna.",
      ]),
    ).toEqual([]);
    expect(
      conflicts([
        "The quake struck near Aldport, about 55 miles east of Varna, before dawn.",
        "Rescuers reached the town of Aldport, 90 miles east of Varna, before dawn.",
      ]).length,
    ).toBe(1);
  });

  it("compares a measure of a named thing with the same measure of the same names", () => {
    const forest = (a: string, name: string) =>
      `Officers searched the ${a}-acre ${name} National Forest for the fugitive.`;
    expect(conflicts([forest("500,000", "Pine Ridge"), forest("530,000", "Pine Ridge")]).length).toBe(1);
    expect(conflicts([forest("500,000", "Pine Ridge"), forest("530,000", "Elk Valley")])).toEqual([]);
    // "24-ton" against "44,000-pound": masses compared in one unit.
    expect(
      conflicts([
        "The 24-ton Orlen module was launched on Friday.",
        "The 44,000-pound Orlen module was launched on Friday.",
      ]).length,
    ).toBe(1);
  });

  it("finds one statement restated with another figure when another figure in it agrees", () => {
    const park = (km: string) =>
      `Lake Orin National Park is almost 12,000 square miles (${km} sq km) of wetland.`;
    expect(conflicts([park("31,200"), park("19,000")]).length).toBe(1);
    // One figure only, reports of different days: an updated story, not one statement restated.
    const poll = (n: string) =>
      `She is still trailing the governor by ${n} points in some polls, aides said.`;
    const articles = articlesFromRecords(
      [poll("10"), poll("15")].map((text, i) => ({
        id: `r${i}`,
        title: `R${i}`,
        text,
        date: `2026-03-0${i + 1}`,
      })),
    );
    const index = new CorpusIndex(articles);
    const sentences = index.articles.flatMap((_, a) => index.sentences(a));
    const restated = (dates: boolean) =>
      restatedConflicts(
        sentences,
        (a) => index.articles[a]!.id,
        dates ? (a) => index.articles[a]!.date : () => "2026-03-01",
      );
    expect(restated(true)).toEqual([]);
    // Control: the same day, the same statement, another figure.
    expect(restated(false).length).toBe(1);
  });

  it("reads 'more than' as near its figure and two lower bounds as agreeing", () => {
    expect(
      conflicts([
        "The army has arrested more than 500 members of the opposition party since May.",
        "The army has arrested 702 members of the opposition party since May.",
      ]).length,
    ).toBe(1);
    expect(
      conflicts([
        "The fires in the province destroyed more than 2,000 homes in a single day.",
        "The fires in the province destroyed more than 1,000 homes in a single day.",
      ]),
    ).toEqual([]);
  });

  it("does not compare a restricted count with the whole", () => {
    expect(
      conflicts([
        "The candidate promised to deport all 11 million undocumented immigrants from the country.",
        "The candidate promised to deport 3 million undocumented immigrants with criminal records from the country.",
      ]),
    ).toEqual([]);
  });

  it("compares percentages by what is said of them", () => {
    expect(
      conflicts([
        "The survey of Korean children found that 62 percent of children had stunted growth.",
        "A survey of Korean children found that 65 percent are stunted, aid workers said.",
      ]).length,
    ).toBe(1);
    expect(
      conflicts([
        "The survey of Korean children found that 62 percent of children had stunted growth.",
        "A survey of Korean children found that 65 percent were vaccinated, aid workers said.",
      ]),
    ).toEqual([]);
  });

  it("counts people by what happened to them, wounded and injured alike", () => {
    const statement = (n: string) =>
      `The statement, released by the provincial office in Varna, also said that ${n} and 12 were missing.`;
    const found = conflicts([statement("17 miners were wounded"), statement("21 people were injured")]);
    expect(found.length).toBe(1);
    expect(found[0]!.about).toMatch(/wounded|injured/i);
    // Control: the same count given with the other word is no disagreement.
    expect(conflicts([statement("17 miners were wounded"), statement("17 people were injured")])).toEqual([]);
  });

  it("compares a measure joined to its noun whatever the verb ('a 30-hour siege')", () => {
    const found = conflicts([
      "The gunman was shot by a police sniper at the end of a 30-hour siege at his flat in Lorient.",
      "The gunman died in a shoot-out with police following a 32-hour siege of his flat in Lorient.",
    ]);
    expect(found.length).toBe(1);
    expect(found[0]!.claims.map((c) => c.values)).toEqual([["30"], ["32"]]);
    // Control: a different unit is a different measure.
    expect(
      conflicts([
        "The gunman was shot by a police sniper at the end of a 30-hour siege at his flat in Lorient.",
        "The gunman died in a shoot-out with police following a 32-day siege of his flat in Lorient.",
      ]),
    ).toEqual([]);
  });

  it("keeps a report's repeated figure free to meet another report's", () => {
    // The first sentence is too far from the second report to pair with it, and used to take the
    // report's second sentence, which is close to it, into a cluster of its own.
    const found = conflicts([
      "The gunman's brother was arrested on Wednesday during the 30-hour siege at his flat. The gunman's brother was arrested after the gunman was shot dead by a sniper at the end of a 30-hour siege at his flat in Lorient.",
      "The gunman was shot dead by a sniper in a shoot-out following a 32-hour siege in Lorient.",
    ]);
    expect(found.length).toBe(1);
  });

  it("does not compare a total over years with one year's figure", () => {
    expect(
      conflicts([
        "In 10 years as a private citizen, Senator Alder has delivered a total of 417 paid speeches to banks.",
        "In 2009, Senator Alder delivered 36 paid speeches to banks, his filing shows.",
      ]),
    ).toEqual([]);
    // Control: the same year, two values.
    expect(
      conflicts([
        "In 2009, Senator Alder delivered 41 paid speeches to banks, his filing shows.",
        "In 2009, Senator Alder delivered 36 paid speeches to banks, his filing shows.",
      ]).length,
    ).toBe(1);
  });

  it("does not compare what a figure is 'of' with a figure of something else", () => {
    expect(
      conflicts([
        "For the study, the team examined the museum's collection of 2,000 trilobite specimens in Ohio.",
        "For the study, the team examined 1,200 trilobite specimens from the museum in Ohio.",
      ]),
    ).toEqual([]);
    // Control: the same measure, two values.
    expect(
      conflicts([
        "For the study, the team examined 2,000 trilobite specimens from the museum in Ohio.",
        "For the study, the team examined 1,200 trilobite specimens from the museum in Ohio.",
      ]).length,
    ).toBe(1);
  });

  it("compares a person's age given beside the full name, in reports of the same year", () => {
    const found = conflicts([
      "Police arrested Dorian Vale, 46, and his cousin at the harbour on Friday.",
      "Dorian Vale, 45, was arrested at the harbour with his cousin, police said.",
    ]);
    expect(found.length).toBe(1);
    expect(found[0]!.about).toBe("Age of Dorian Vale");
    // Controls: another person; an age told of a dated past event.
    expect(
      conflicts([
        "Police arrested Dorian Vale, 46, and his cousin at the harbour on Friday.",
        "Marta Vale, 45, was arrested at the harbour with her cousin, police said.",
      ]),
    ).toEqual([]);
    expect(
      conflicts([
        "Police arrested Dorian Vale, 46, and his cousin at the harbour on Friday.",
        "On May 2, 2019, Dorian Vale, 45, was arrested at the harbour with his cousin, police said.",
      ]),
    ).toEqual([]);
  });
});
