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
      "Ruby Jonsen is undecided about competing at the European Indoor Games next month. The 24-year-old claimed the national long jump title on Saturday.";
    const b = "Ruby Jonsen, 27, won the national long jump title on Saturday in Sheffield.";
    expect(values(differ([a, b]))).toEqual(["24", "27"]);
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

describe("an article's one age at a place it leaves unnamed", () => {
  it("is the age of the person it names at another place of that age", () => {
    // (The second "the 25-year-old" follows a sentence on "she", so stands for no name of its own.)
    const a =
      "Hurdler Sara Klaxby is confident she can win a medal in Madrid next month. The 25-year-old has broken the national record twice this season. She also won the Birmingham Grand Prix in February. In previous seasons, the 25-year-old also did the long jump.";
    const b = (who: string) =>
      `${who} has been picked for the indoor championships in Madrid next month. The 24-year-old will compete in the long jump.`;
    expect(differ([a, b("Jonna Pell")])).toEqual([]);
    expect(values(differ([a, b("Sara Klaxby")]))).toContain("24");
  });
});

describe("percentages and sums of money of related stories", () => {
  it("keeps apart two kinds of one measure ('clothing sales' / 'furniture sales')", () => {
    const a = (kind: string) =>
      `Figures from the statistics office showed ${kind} sales fell 0.4% in March, the sharpest drop since the autumn.`;
    const b = "Furniture sales fell 2.6% in March, the statistics office said, after a drop in the autumn.";
    expect(differ([a("clothing"), b])).toEqual([]);
    expect(values(differ([a("furniture"), b]))).toEqual(["0.4%", "2.6%"]);
  });

  it("keeps apart a figure that leaves a part out", () => {
    const a = "In March, overall store sales in Arvania rose by 1.4%, the statistics office said.";
    const b = (clause: string) =>
      `${clause}store sales in Arvania rose by 0.6% in March, the statistics office said.`;
    expect(differ([a, b("If fuel is excluded from the March data, ")])).toEqual([]);
    expect(values(differ([a, b("Overall, ")]))).toEqual(["0.6%", "1.4%"]);
  });

  it("keeps apart a sum said to be of a thing the other report never speaks of", () => {
    const a =
      "The owners of the Norvik oil group are to ask the buyer of its former production unit to pay back a $700m (£380m) loan.";
    const b = (deal: string) =>
      `Local press reported that the state oil group was looking to buy 15% of Norvik's former production unit ${deal}.`;
    expect(differ([a, b("for $1.5bn (£0.8bn)")])).toEqual([]);
    // Control: a loan of the other's figure is the same thing.
    expect(values(differ([a, b("and pay back a $1.5bn (£0.8bn) loan")]))).toEqual(["$1.5bn", "$700m"]);
  });

  it("takes 'an all-time high of' as a record, not an observation to dispute", () => {
    const a = (words: string) =>
      `The gap between Arvania's exports and imports hit ${words} $412.5bn in 2024, the trade ministry said.`;
    const b =
      "The trade ministry said Arvania's imports grew while the gap between exports and imports reached $88.1bn in 2024.";
    expect(differ([a("an all-time high of"), b])).toEqual([]);
    expect(values(differ([a("a level of"), b]))).toEqual(["$412.5bn", "$88.1bn"]);
  });
});

describe("what a rule says should be", () => {
  it("is no figure of what was done", () => {
    const a = (verb: string) =>
      `The league's disciplinary code says a first doping offence ${verb} by a six-month ban.`;
    const b =
      "Kovac, 24, sacked by his club and banned for seven months for a first doping offence, has a new agent.";
    expect(differ([a("should be followed"), b])).toEqual([]);
    expect(values(differ([a("was followed"), b]))).toEqual(["seven months", "six months"]);
  });
});
