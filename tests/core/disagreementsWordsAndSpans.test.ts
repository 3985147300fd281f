/**
 * Figures the detector used to lose before comparing them (issue 13, recall on news it was not shaped
 * on): a number word with its scale ("two million", "three hundred", "a dozen"), the event of a span
 * whose subject has a phrase after it ("the siege of the school lasted 30 hours"), a state held for a
 * span ("on strike for two weeks", "held for 17 days"), a distance "within N miles of" a thing, and a length's dimension
 * said after its unit ("300 feet below the surface"). Made-up reports; each with a control that must
 * stay unshown.
 */
import { describe, expect, it } from "vitest";
import { durationMentions } from "../../src/engine/disagreements/durations.ts";
import { quantityMentions } from "../../src/engine/disagreements/figures.ts";
import { dimensionAfter, sameMeasure } from "../../src/engine/disagreements/measures.ts";
import type { Sentence } from "../../src/search/index.ts";
import { differ } from "../support/disagreements.ts";

function sentence(text: string): Sentence {
  return { text, stems: new Set(), position: 0, total: 1, article: 0 };
}
const mentions = (text: string) => quantityMentions(sentence(text), "r0");

describe("a number word with its scale", () => {
  it("reads 'two million' as two million, not two of 'million people'", () => {
    const [m] = mentions("Officials in Varnholm said two million people fled the flooded valley on Monday.");
    expect(m?.value).toBe("two million");
    expect(m!.lo).toBeGreaterThan(1e6);
    expect(m!.hi).toBeLessThan(3e6);
    expect([...m!.key]).not.toContain("million");
  });

  it("reads 'three hundred' and 'a dozen' whole", () => {
    const [h] = mentions(
      "Officials in Varnholm said three hundred families left the flooded valley on Monday.",
    );
    expect(h?.value).toBe("three hundred");
    expect(h!.lo).toBeGreaterThan(250);
    expect(h!.hi).toBeLessThan(350);
    const [d] = mentions("The storm in Varnholm destroyed a dozen barns along the flooded valley on Monday.");
    expect(d?.value).toBe("a dozen");
    expect(d!.lo).toBeGreaterThan(11);
    expect(d!.hi).toBeLessThan(13);
  });

  it("'two million' agrees with '2 million' and differs from '2.6 million'", () => {
    const report = (n: string) =>
      [
        "Heavy rain swelled the river Osk through the Varnholm valley for a week.",
        `Officials in Varnholm said ${n} people fled the flooded valley on Monday.`,
        "Relief camps opened in three towns.",
      ].join(" ");
    expect(differ([report("two million"), report("2 million")])).toEqual([]);
    const found = differ([report("two million"), report("2.6 million")]);
    expect(found.length).toBe(1);
    expect(found[0]!.claims.flatMap((c) => c.values).sort()).toEqual(["2.6 million", "two million"]);
  });
});

describe("the event of a span", () => {
  const siege = (span: string) =>
    [
      "Police in the river town of Keldby ended a stand-off with an armed man who had taken over a school.",
      span,
      "No pupils were in the building at the time.",
    ].join(" ");

  it("'the siege of the school lasted 30 hours' is the siege's length", () => {
    const [d] = durationMentions(
      sentence("The siege of the school lasted 30 hours, police in Keldby said."),
      "r0",
    );
    expect(d?.head).toBe("duration of sieg");
    const found = differ([
      siege("The siege of the school lasted 30 hours, police in Keldby said on Monday."),
      siege("Police in Keldby said the 34-hour siege ended without injuries on Monday."),
    ]);
    expect(found.length).toBe(1);
    expect(found[0]!.claims.flatMap((c) => c.values).sort()).toEqual(["30 hours", "34 hours"]);
  });

  it("'were held for 17 days' is a span of being held (an irregular participle)", () => {
    const [d] = durationMentions(
      sentence("The crew of the trawler Ebba were held for 17 days by the gunmen."),
      "r0",
    );
    expect(d?.head).toBe("duration of held");
    expect(d!.lo).toBeGreaterThan(16 * 24);
    expect(d!.hi).toBeLessThan(18 * 24);
  });

  it("'on strike for two weeks' is the strike's length, and agrees with 'a two-week strike'", () => {
    const [d] = durationMentions(
      sentence("The dock workers of Keldby were on strike for two weeks, their union said."),
      "r0",
    );
    expect(d?.head).toBe("duration of strike");
    const strike = (span: string) =>
      [
        "Dock workers in the port of Keldby went back to work on Monday after a pay dispute.",
        span,
        "Ships queued outside the harbour for days.",
      ].join(" ");
    expect(
      differ([
        strike("The dock workers were on strike for two weeks, their union said on Monday."),
        strike("The union said the two-week strike by the dock workers ended on Monday."),
      ]),
    ).toEqual([]);
  });
});

describe("lengths", () => {
  it("a distance 'within N miles of' a thing counts miles, not the thing", () => {
    const [m] = mentions("The probe Tessaly will fly within 8,000 miles of Quorn on Tuesday.");
    expect(m?.head).toBe(mentions("The probe Tessaly will fly 8,000 miles on Tuesday.")[0]?.head);
    expect([...m!.key]).not.toContain("quorn");
    // (Control: "300 miles of pipeline" still counts pipeline.)
    expect([...mentions("Workers in Tessaly laid 300 miles of pipeline last year.")[0]!.key]).toContain(
      "pipelin",
    );
  });

  it("the same dimension said after the unit is the same measure", () => {
    const [a] = mentions("The trawler's wreck rests about 300 feet below the surface of the lake.");
    const [b] = mentions("Divers said the boat lies some 420 feet below the surface.");
    const [c] = mentions("Divers said the boat was towed some 420 feet across the harbour.");
    expect(dimensionAfter(a!)).toBe("depth");
    expect(sameMeasure(a!, b!)).toBe(true);
    expect(sameMeasure(a!, c!)).toBe(false);
  });
});
