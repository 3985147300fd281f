/**
 * How long one event lasted (src/engine/disagreements/durations.ts): "a six-hour-long hearing" against
 * "the hearing lasted about nine hours", "suspended for two weeks" against "his three-week suspension".
 * Made-up reports; each pair that must stay unshown (spans of other things, a plan against what
 * happened, a span still running, several spans in one sentence) beside a control that is shown.
 */
import { describe, expect, it } from "vitest";
import { differ } from "../support/disagreements.ts";

const hearing = (span: string) =>
  [
    "The retired harbour pilot Anselm Vey answered questions from lawyers for the Ostrava shipping firm on Monday.",
    "The firm accuses the pilot of steering the freighter Meridian Gull onto the breakwater last spring.",
    span,
    "A judge will decide next month whether the case goes to trial.",
  ].join(" ");

const DEPOSITION = "He said little during the six-hour-long deposition, according to a transcript.";
const LASTED = "In all, the deposition lasted about eight hours, with long breaks.";
const SUSPENDED = "The board said the boy was suspended for two weeks from all competitions.";
const SUSPENSION =
  "Supporters of the boy plan no appeal against his three-week suspension from all competitions.";

const suspension = (span: string) =>
  [
    "A teenage goalkeeper, Tobin Arlow, threw a water bottle at a referee during a youth cup final in Dunmore.",
    "The regional football board met on Tuesday to review the match footage and the referee's report.",
    span,
    "His club said it would not contest the decision.",
  ].join(" ");

describe("durations of one event", () => {
  it("a span joined to its noun against the noun that lasted a span", () => {
    const found = differ([
      hearing("He said little during the six-hour-long deposition, according to a transcript."),
      hearing("In all, the deposition lasted about nine hours, with long breaks."),
    ]);
    expect(found.length).toBe(1);
    expect(found[0]!.about).toBe("Length of the deposition");
    expect(found[0]!.claims.flatMap((c) => c.values).sort()).toEqual(["about nine hours", "six hours"]);
  });

  it("a verb for a span against its noun ('suspended' / 'suspension')", () => {
    const found = differ([
      suspension("The board said the boy was suspended for two weeks from all competitions."),
      suspension(
        "Supporters of the boy plan no appeal against his three-week suspension from all competitions.",
      ),
    ]);
    expect(found.length).toBe(1);
    expect(found[0]!.claims.flatMap((c) => c.values).sort()).toEqual(["three weeks", "two weeks"]);
  });

  it("not spans far apart (a multiple is of another thing)", () => {
    expect(differ([hearing(DEPOSITION), hearing(LASTED)]).length).toBe(1);
    expect(
      differ([
        hearing("He said little during the three-hour-long deposition, according to a transcript."),
        hearing("In all, the deposition lasted about nine hours, with long breaks."),
      ]),
    ).toEqual([]);
  });

  it("not a span expected against one that happened", () => {
    expect(differ([hearing(DEPOSITION), hearing(LASTED)]).length).toBe(1);
    expect(
      differ([
        hearing("He said little during the six-hour-long deposition, according to a transcript."),
        hearing("Lawyers for the firm had planned an eight-hour-long deposition, with long breaks."),
      ]),
    ).toEqual([]);
  });

  it("not a sentence that gives several spans (several people's)", () => {
    expect(differ([suspension(SUSPENDED), suspension(SUSPENSION)]).length).toBe(1);
    expect(
      differ([
        suspension("The board said the boy was suspended for two weeks from all competitions."),
        suspension(
          "The coach got a two-month ban, and the boy a three-week suspension from all competitions.",
        ),
      ]),
    ).toEqual([]);
  });

  it("an age beside a span is no other span", () => {
    const found = differ([
      suspension("The board said the 15-year-old was suspended for two weeks from all competitions."),
      suspension(SUSPENSION),
    ]);
    expect(found.length).toBe(1);
  });

  it("not a span still running, which ends on its report's day", () => {
    expect(differ([suspension(SUSPENDED), suspension(SUSPENSION)]).length).toBe(1);
    expect(
      differ([
        suspension("The board said the boy has been suspended for two weeks from all competitions."),
        suspension(
          "Supporters of the boy plan no appeal against his three-week suspension from all competitions.",
        ),
      ]),
    ).toEqual([]);
  });

  it("not a plural noun (a kind of thing, not one event)", () => {
    const bans = (span: string) =>
      [
        "Lawmakers in the state of Norland debated new limits on night fishing in the Vell estuary.",
        span,
        "Anglers' groups said the rules would hurt small businesses along the estuary.",
      ].join(" ");
    expect(
      differ([
        bans("Neighbouring Osk already enforces a two-week ban on night fishing in the estuary."),
        bans("The new law adds a three-week ban on night fishing in the estuary."),
      ]).length,
    ).toBe(1);
    expect(
      differ([
        bans("Neighbouring states already enforce two-week bans on night fishing in the estuary."),
        bans("The new law adds a three-week ban on night fishing in the estuary."),
      ]),
    ).toEqual([]);
  });

  it("one block for a span that is also a figure of its noun ('a 30-hour siege' / 'a 32-hour siege')", () => {
    expect(
      differ([
        "Police ended a 30-hour siege at the flat of the gunman in Corlay on Thursday, officials said.",
        "Officials said the siege lasted 32 hours before police ended it at the flat of the gunman in Corlay.",
      ]).length,
    ).toBe(1);
    const found = differ([
      "Police ended a 30-hour siege at the flat of the gunman in Corlay on Thursday, officials said.",
      "Police ended a 32-hour siege at the flat of the gunman in Corlay on Thursday, officials said.",
    ]);
    expect(found.length).toBe(1);
  });

  it("a span fronted before its clause, the clause's verb the event; not in reports of different days", () => {
    const feud = (span: string) =>
      [
        "A farmer in Kessel Bay says his neighbours are trying to drive him off his land over a dispute about a well.",
        span,
        "The neighbours deny it and say the farmer blocked a shared lane.",
      ].join(" ");
    const a = feud(
      "Over the past six weeks, he told a reporter from the regional paper, his fences have been damaged more than 40 times by people passing at night.",
    );
    const b = feud(
      "For nearly nine weeks, the farmer told a reporter from the regional paper, neighbours have been damaging his fences and letting his sheep out.",
    );
    expect(differ([a, b]).length).toBe(1);
    // A span still running ends on its report's day.
    expect(differ([a, b], ["2026-03-02", "2026-03-09"])).toEqual([]);
  });
});
