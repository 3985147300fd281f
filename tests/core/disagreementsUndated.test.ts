/**
 * "At the same time" in reports without dates (src/engine/disagreements/times.ts): a figure said as
 * where a count or a level stands when it is told (a present perfect of a count that moves, "so far", a
 * period told from the report, a market's level) is of its report's moment, which nothing gives; two
 * such reports of a running story are compared only when both sentences tie their figures to a time they
 * share. Each figure's own clause naming a different month, weekday or clock time is another moment too.
 * Made-up reports, each rule with a control that shows the pair, so the check can fail.
 */
import { describe, expect, it } from "vitest";
import { differ } from "../support/disagreements.ts";

describe("undated reports of a running story", () => {
  it("do not compare a count said as where it stands with another report's", () => {
    const sold = "The Zorro handheld console has sold 2.8 million units in Europe, Kestrel Games said.";
    expect(differ([sold, sold.replace("has sold 2.8", "sold almost 4")])).toEqual([]);
    expect(differ([sold, sold.replace("2.8", "4.1")])).toEqual([]);
    const users = "The Skylink calling service now has 2 million users across Europe, its founders said.";
    expect(differ([users, users.replace("has 2", "has 3.5")])).toEqual([]);
    // Control: both tie the figure to the same time ("by the end of March"): one count, disputed.
    const march = (v: string, n: string) =>
      `The Zorro handheld console ${v} ${n} million units in Europe by the end of March, Kestrel Games said.`;
    expect(differ([march("has sold", "2.8"), march("had sold", "4.1")]).length).toBe(1);
    // Control: a count of a fixed moment ("in its first week"), said in the past, is still disputed.
    const week = (n: string) =>
      `The Zorro handheld console sold ${n} million units in Europe in its first week, Kestrel Games said.`;
    expect(differ([week("2.8"), week("4.1")]).length).toBe(1);
  });

  it("a span's start is not the time of its figure; one precise figure told with a slip still is", () => {
    const since = (v: string, n: string) =>
      `The Zorro handheld console ${v} ${n} million units in Europe since its launch in March, Kestrel Games said.`;
    expect(differ([since("has sold", "2.8"), since("sold", "4.1")])).toEqual([]);
    const slip = (n: string) =>
      `Kestrel Games said the Zorro handheld console has sold ${n} units in Europe.`;
    expect(differ([slip("2,814,000"), slip("2,816,000")]).length).toBe(1);
  });

  it("do not compare a period told from each report or a market's level", () => {
    const weekend = (n: string) =>
      `The sequel Harbour Nights took $${n}m at the weekend, according to studio estimates.`;
    expect(differ([weekend("42.8"), weekend("28.1")])).toEqual([]);
    const shares = (n: string, when = "") =>
      `Shares in Varley Foods closed at ${n} pence in London${when}, up on the takeover news.`;
    expect(differ([shares("412"), shares("398")])).toEqual([]);
    const rate = (n: string) =>
      `The Harbour central bank left its interest rate at ${n}%, its governor said.`;
    expect(differ([rate("4.75"), rate("5.25")])).toEqual([]);
    // Control: both on Monday: one close, disputed.
    expect(differ([shares("412", " on Monday"), shares("398", " on Monday")]).length).toBe(1);
    // Control: the same reports on one day are one moment.
    expect(differ([weekend("42.8"), weekend("28.1")], ["2026-03-16", "2026-03-16"]).length).toBe(1);
  });

  it("figures whose clauses name different months are of two moments", () => {
    const lending = (n: string, month: string) =>
      `Mortgage lending at Harbour Building Society rose by £${n}bn in ${month}, its monthly figures showed.`;
    expect(differ([lending("7.1", "December"), lending("7.4", "January")])).toEqual([]);
    // Control: the same month, disputed.
    expect(differ([lending("7.1", "January"), lending("7.4", "January")]).length).toBe(1);
  });

  it("still compare a toll said as where it stands (the later report supersedes)", () => {
    const toll = (n: string) =>
      `The ferry Aurora disaster off Port Elm has killed ${n} people so far, officials said.`;
    expect(differ([toll("129"), toll("194")]).length).toBe(1);
  });

  it("still compare a measure joined to its noun, which describes the thing", () => {
    const forum = (n: string) =>
      `Trade has grown fast across the ${n}-nation Coral Sea forum before its summit in Port Elm.`;
    expect(differ([forum("21"), forum("18")]).length).toBe(1);
  });
});
