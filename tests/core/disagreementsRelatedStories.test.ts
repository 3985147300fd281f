/**
 * "Where sources differ" over reports of related but different stories (issue 13): a briefing's topic
 * pulls in articles each about its own athlete, company or country, and a figure of one is no figure of
 * another. Made-up reports, each rule with a control.
 */
import { describe, expect, it } from "vitest";
import { differ } from "../support/disagreements.ts";

const values = (found: ReturnType<typeof differ>) =>
  found.flatMap((d) => d.claims.flatMap((c) => c.values)).sort();

describe("'the 25-year-old' stands for the person a story is about", () => {
  it("reads the subject of the sentence before, not a club named after it", () => {
    const a =
      "Midfielder Tomas Brevik has told reporters he is happy at Porto Vella and will not leave. But the 25-year-old has not ruled out a move home one day.";
    const b = (who: string) =>
      `Winger ${who} has signed a new contract with Porto Vella. The 21-year-old had been linked with clubs abroad.`;
    expect(differ([a, b("Anders Kjell")])).toEqual([]);
    // Control: the same player's two ages differ.
    expect(values(differ([a, b("Tomas Brevik")]))).toEqual(["21", "25"]);
  });

  it("passes over names inside a quotation", () => {
    const report = (who: string, age: string) =>
      `${who} has been linked with a move abroad this winter. "I would love to play for Porto Vella one day," the ${age}-year-old told a radio station.`;
    expect(differ([report("Anders Kjell", "21"), report("Tomas Brevik", "25")])).toEqual([]);
    expect(values(differ([report("Anders Kjell", "21"), report("Anders Kjell", "25")]))).toEqual([
      "21",
      "25",
    ]);
  });

  it("leaves unresolved an age after a sentence whose subject is a pronoun", () => {
    const a =
      'Lena Marsh beat her 16-year-old opponent in straight sets in Melbourne. She will now meet Kira Dolan in the last eight. "Bring it on," said the 23-year-old.';
    const b = "Kira Dolan, 24, lost the exhibition final in Hong Kong on Sunday.";
    expect(differ([a, b])).toEqual([]);
    // Control: an age written beside the name is still hers.
    const named = "Kira Dolan, 23, beat her 16-year-old opponent in straight sets in Melbourne.";
    expect(values(differ([named, b]))).toEqual(["23", "24"]);
  });

  it("reads a subject whose first name is also a word", () => {
    const a =
      "Ruby Jonsen is undecided about competing at the European Indoor Games next month. The 24-year-old won the national long jump title on Saturday.";
    const b = "Ruby Jonsen, 25, won the national long jump title on Saturday in Sheffield.";
    expect(values(differ([a, b]))).toEqual(["24", "25"]);
  });
});

describe("the one age each of two related stories gives", () => {
  const a =
    "Runner Paula Vance has been given more time to decide on the world cross-country race. The 31-year-old is worried the race in March could upset her marathon plans.";
  it("is not one person's when the named one is nowhere in the other report and it names its own people", () => {
    const b =
      'Four athletes have been picked for the world cross-country race. "Being picked means a lot," said Hart. The 32-year-old will race alongside Olympic finalist Pavlo in March.';
    expect(differ([a, b])).toEqual([]);
  });
  it("is one person's when the other report is unnamed but of the same story", () => {
    const b =
      "A runner has been given until Tuesday to decide on the world cross-country race. The 32-year-old is worried the race in March could upset her marathon plans.";
    expect(values(differ([a, b]))).toEqual(["31", "32"]);
  });
});
