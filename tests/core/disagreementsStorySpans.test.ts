/**
 * Spans of time said without an event word (src/engine/disagreements/spans.ts): each report's one span
 * in its unit, in two reports of one story, is the story's span ("the crossing took eight days" / "along
 * the coast for six days"). Made-up reports; each pair that must stay unshown (a report giving both
 * spans, other people's pasts, a time ago a unit apart, a running span of other days) beside a control
 * that is shown.
 */
import { describe, expect, it } from "vitest";
import { differ } from "../support/disagreements.ts";

/** A made-up story of a rowing crossing, with `line` as its third sentence. */
const crossing = (line: string, extra = "") =>
  [
    "A retired teacher from Harwick has rowed alone across the Marrow Strait to raise money for the lifeboat station.",
    "Elsie Tamber, 64, set out from the harbour at Penmoor in a small wooden boat with a tent and a radio.",
    line,
    "The lifeboat station said the crossing had raised enough money for a new engine.",
    extra,
  ]
    .filter(Boolean)
    .join(" ");

const EIGHT = "She rowed the wooden boat along the strait for eight days, sleeping in the tent on sandbanks.";
const SIX = "She rowed the wooden boat along the strait for six days, sleeping on sandbanks at night.";

describe("spans of time said without their event", () => {
  it("each report's one span of days, in two reports of one story", () => {
    const found = differ([crossing(EIGHT), crossing(SIX)]);
    expect(found.length).toBe(1);
    expect(found[0]!.about).toBe("How long");
    expect(found[0]!.claims.flatMap((c) => c.values).sort()).toEqual(["eight days", "six days"]);
  });

  it("not when a report gives both spans (two spans of the story)", () => {
    expect(differ([crossing(EIGHT), crossing(SIX)]).length).toBe(1);
    const both = crossing(
      "She rowed the wooden boat along the strait for eight days, sleeping in the tent on sandbanks.",
      "She then waited in Penmoor for six days for the weather to clear before rowing home.",
    );
    expect(differ([both, crossing(SIX)])).toEqual([]);
  });

  it("not a report's span beside another span of the same unit in it", () => {
    expect(differ([crossing(EIGHT), crossing(SIX)]).length).toBe(1);
    const other = crossing(SIX, "Her sister had made the same trip in 2019 and spent four days at sea.");
    expect(differ([crossing(EIGHT), other])).toEqual([]);
  });

  it("not a window from a start ('in its first six days')", () => {
    expect(differ([crossing(EIGHT), crossing(SIX)]).length).toBe(1);
    expect(
      differ([
        crossing(EIGHT),
        crossing("She rowed the wooden boat along the strait in the first six days, sleeping on sandbanks."),
      ]),
    ).toEqual([]);
  });

  it("a time ago against a time ago, not one unit apart (told in whole units)", () => {
    const ago = (n: string) =>
      crossing(
        `She first rowed the wooden boat on the strait ${n} years ago, when she was a teacher in Harwick.`,
      );
    const found = differ([ago("30"), ago("40")]);
    expect(found.length).toBe(1);
    expect(found[0]!.about).toBe("How long ago");
    expect(differ([ago("30"), ago("31")])).toEqual([]);
  });

  it("not the pasts of two people each sentence names", () => {
    const ago = (who: string, n: string) =>
      crossing(`Ms ${who} first rowed the wooden boat on the strait ${n} years ago, when she was a teacher.`);
    expect(differ([ago("Tamber", "30"), ago("Tamber", "40")]).length).toBe(1);
    expect(differ([ago("Tamber", "30"), ago("Maud Keel", "40")])).toEqual([]);
  });

  it("not a span still running in reports of different days", () => {
    const running = (n: string) =>
      crossing(
        `For the past ${n} weeks she has been rowing the wooden boat along the strait, sleeping on sandbanks.`,
      );
    expect(differ([running("two"), running("three")]).length).toBe(1);
    expect(differ([running("two"), running("three")], ["2026-03-02", "2026-03-09"])).toEqual([]);
  });
});
