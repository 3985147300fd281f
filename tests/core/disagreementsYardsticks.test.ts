/**
 * Figures that are no observation (src/engine/disagreements/benchmarks.ts and matching.ts): a record,
 * an average, a threshold, a price class; a sentence giving the other's figure too; names of the unit;
 * a span's total on another day. Made-up reports, each rule with a control that shows the pair.
 */
import { describe, expect, it } from "vitest";
import { differ } from "../support/disagreements.ts";

describe("yardsticks and other things than the figure disputed", () => {
  it("a record is no observation; two records are compared", () => {
    const has = (n: string) =>
      `Dale Orrin has ${n} home runs in the regular season for the Riverton Hawks, a team record.`;
    const record = (n: string) =>
      `Dale Orrin, with the record of ${n} home runs in the regular season for the Riverton Hawks, retired.`;
    expect(differ([has("61"), record("73")])).toEqual([]);
    // Controls: two observations differ, and so do two records.
    expect(differ([has("61"), has("73")]).length).toBe(1);
    expect(differ([record("70"), record("73")]).length).toBe(1);
  });

  it("a threshold is no observation", () => {
    const scored = "Mara Vance scored 24,113 points in her career with the Coastal Gulls, the league said.";
    const mark =
      "Mara Vance became the third player with the Coastal Gulls to reach 30,000 points in her career, the league said.";
    expect(differ([scored, mark])).toEqual([]);
    const reached =
      "Mara Vance has now scored 30,000 points in her career with the Coastal Gulls, the league said.";
    expect(differ([scored, reached]).length).toBe(1);
    const heat = "In Dornia temperatures reached 112 degrees in the capital on Tuesday, forecasters said.";
    const habit =
      "In Dornia people switch on fans in the capital any time temperatures near 80 degrees, forecasters said.";
    expect(differ([heat, habit])).toEqual([]);
    const heat2 = "In Dornia temperatures reached 108 degrees in the capital on Tuesday, forecasters said.";
    expect(differ([heat, heat2]).length).toBe(1);
  });

  it("a price class names a kind of thing", () => {
    const t = (n: string) => `The ${n} million tickets of the Starlight Jackpot were sold in Ohio and Texas.`;
    expect(differ([t("four $2"), t("$1")])).toEqual([]);
    const prize = (n: string) => `The Starlight Jackpot winner in Ohio and Texas took home $${n} million.`;
    expect(differ([prize("2"), prize("1")]).length).toBe(1);
  });

  it("a sentence that gives the other's figure of the same thing agrees with it", () => {
    const a =
      "Tomas Reyes scored 19 of his 34 points in the fourth quarter as the Harbor Kings beat the Pines.";
    const b =
      "Tomas Reyes had 34 points as the Harbor Kings beat the Pines, with 19 points scored in the fourth quarter.";
    expect(differ([a, b])).toEqual([]);
    // Control: another figure of the sentence, of something else, does not count ("about 20 miles").
    const c = (n: string) =>
      `Kessler lives on the ${n}-acre Pine Hollow ranch near Elk Lake, about 20 miles north of Dunmore.`;
    expect(differ([c("19"), c("20")]).length).toBe(1);
  });

  it("a unit's name names no subject", () => {
    const spain =
      "Temperatures in Spain reached 117 degrees Fahrenheit during the heat wave, officials said.";
    const us =
      "Temperatures for Americans reached 80 degrees Fahrenheit during the heat wave, officials said.";
    expect(differ([spain, us])).toEqual([]);
    const spain2 =
      "Temperatures in Spain reached 113 degrees Fahrenheit during the heat wave, officials said.";
    expect(differ([spain, spain2]).length).toBe(1);
  });

  it("a total over a span is of its report's day, a toll too", () => {
    const span =
      "The Dornish health ministry said nearly 900 people have been injured over the past three months in the Varn valley.";
    const one =
      "The Dornish health ministry said 300 people were injured over the past three months in the Varn valley.";
    expect(differ([span, one], ["2026-05-31", "2026-03-01"])).toEqual([]);
    expect(differ([span, one], ["2026-05-31", "2026-05-31"]).length).toBe(1);
  });

  it("a thing named in the figure's clause against another the other sentence names", () => {
    const cedar =
      "The massive Cedar Fire was burning nearly 400,000 acres and was 24% contained, officials said.";
    const group =
      "The group, which includes the Borel Fire, was burning more than 90,000 acres and was 24% contained, officials said.";
    expect(differ([cedar, group])).toEqual([]);
    // Control: the other sentence names the same fire in the figure's clause.
    const cedar2 =
      "The massive Cedar Fire, which includes the Borel Fire, was burning 310,000 acres and was 24% contained, officials said.";
    expect(differ([cedar, cedar2]).length).toBe(1);
  });
});
