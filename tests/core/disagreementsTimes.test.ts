/**
 * "At the same time" read from the reports' dates (src/engine/disagreements/times.ts): a running count
 * on different days, forecasts of different days, and unnamed figures of reports far apart are not
 * disputes; a toll revised the next day, an age and a named figure are. Made-up reports, each rule with
 * a control that shows the pair without dates (or on one day), so the check can fail.
 */
import { describe, expect, it } from "vitest";
import { differ } from "../support/disagreements.ts";

describe("reports of different days", () => {
  it("do not dispute a count still running", () => {
    const fire = (n: string) =>
      `The Cedar Ridge Fire has scorched ${n} acres of forest west of the town of Millbrook, officials said.`;
    expect(differ([fire("5,000"), fire("8,134")], ["2026-07-31", "2026-08-02"])).toEqual([]);
    // Control: the same two reports on one day do differ.
    expect(differ([fire("5,000"), fire("8,134")], ["2026-08-02", "2026-08-02"]).length).toBe(1);
  });

  it("still dispute a toll, the later report marked", () => {
    const toll = (n: string) =>
      `${n} people were killed when the ferry Aurora capsized off Port Elm, officials said.`;
    const found = differ([toll("41"), toll("57")], ["2026-05-01", "2026-05-02"]);
    expect(found.length).toBe(1);
    expect(found[0]!.claims.find((c) => c.later)?.values).toEqual(["57"]);
  });

  it("do not dispute two forecasts of different days", () => {
    const cold = (n: string) =>
      `The temperature in the valley is expected to drop to ${n} degrees below zero by daybreak on Thursday.`;
    expect(differ([cold("12"), cold("10")], ["2026-12-20", "2026-12-21"])).toEqual([]);
    expect(differ([cold("12"), cold("10")], ["2026-12-21", "2026-12-21"]).length).toBe(1);
  });

  it("far apart, dispute only a figure of a named thing", () => {
    const trial = (n: string) =>
      `The group taking the drug lost about ${n}% of their body weight over a year, researchers said.`;
    expect(differ([trial("13"), trial("20")], ["2023-08-25", "2024-04-17"])).toEqual([]);
    expect(differ([trial("13"), trial("20")], ["2023-08-25", "2023-08-25"]).length).toBe(1);
    const park = (n: string) => `Lake Orin National Park covers ${n} square miles of wetland and forest.`;
    expect(differ([park("12,000"), park("7,500")], ["2021-03-01", "2022-06-01"]).length).toBe(1);
  });

  it("far apart, a people's adjective alone names no event", () => {
    // Two made-up strikes weeks apart whose only common name is "Israeli" (a nationality, shared by
    // reports of many events): other events, not one toll disputed.
    const strike = (n: string, where: string) =>
      `${n} people were killed when an Israeli air strike hit a crowded market ${where}, local medics said on Sunday.`;
    const dates = ["2026-03-01", "2026-04-12"];
    expect(differ([strike("14", "near the river"), strike("31", "in the old quarter")], dates)).toEqual([]);
    // Control: the same two reports within a week are one toll disputed.
    expect(
      differ(
        [strike("14", "near the river"), strike("31", "in the old quarter")],
        ["2026-03-01", "2026-03-02"],
      ).length,
    ).toBe(1);
    // Control: far apart but sharing a real name (the market's town, Tel Harun), still one toll.
    expect(differ([strike("14", "in Tel Harun"), strike("31", "in Tel Harun")], dates).length).toBe(1);
    // Control: a figure about a people, not an event: the people's name still names what is measured.
    const survey = (n: string) =>
      `About ${n} percent of American adults are obese, according to the national health survey.`;
    expect(differ([survey("40"), survey("25")], dates).length).toBe(1);
  });
});
