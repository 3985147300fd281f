/**
 * Two reports of one story that restate a fact with another figure, and figures of one story that are
 * of different times (src/engine/disagreements: mention.ts phraseAfter, matching.ts restatedFigure,
 * restated.ts decades, referents.ts soleAges, times.ts ranks and periods, benchmarks.ts marks). Made-up
 * reports; each rule has a control beside it.
 */
import { describe, expect, it } from "vitest";
import { differ } from "../support/disagreements.ts";

describe("one fact restated with another figure", () => {
  it("a sum followed by 'last year' counts money, not years", () => {
    const found = differ([
      "Norland Rail, the region's second biggest operator, was made to write down its assets by $3.2bn last year and pay a $90m penalty after a review of its accounts.",
      "The other big regional operator Norland Rail wrote down assets by $2.6bn (£2bn) last year after a review of its accounts.",
    ]);
    expect(found.length).toBe(1);
    expect(found[0]!.claims.flatMap((c) => c.values).sort()).toEqual(["$2.6bn", "$3.2bn"]);
  });

  it("one precise figure of a thing, said with another verb, differs by a slip", () => {
    const sold = "It sold 15% of its stock or 41.6 million shares in a bid to raise up to $900m.";
    const offer = (n: string) =>
      `The offer for ${n} million shares was fully sold within an hour of trading, on Tuesday.`;
    const found = differ([sold, offer("41.8")]);
    expect(found.length).toBe(1);
    expect(found[0]!.claims.flatMap((c) => c.values).sort()).toEqual(["41.6 million", "41.8 million"]);
    // Control: figures further apart than a slip are another count (a second tranche, a later total).
    expect(differ([sold, offer("46.0")])).toEqual([]);
  });

  it("a decade restated in the same words, the other figures agreeing", () => {
    const list = (decade: string) =>
      `The ranking also includes some curiosities: the Zizz bottle opener (97th), ${decade} board game Spinwheel (81st) and the odd Tumble salad spinner (77th).`;
    const found = differ([list("1970s"), list("1960s")]);
    expect(found.length).toBe(1);
    expect(found[0]!.claims.flatMap((c) => c.values).sort()).toEqual(["1960s", "1970s"]);
    // Control: two years are still left alone (a yearly template names its own year).
    expect(differ([list("1975"), list("1965")])).toEqual([]);
  });

  it("the one unnamed age of a report beside a named person's far from it", () => {
    const a =
      "Agent Tom Briar said the 27-year-old Dutch winger is determined to fight for his place. He lost it in the autumn to 19-year-old Kamil Vostrik.";
    const b = "The agent added that nothing should be read into the 26-year-old's mother visiting Lisbon.";
    expect(differ([a, b]).length).toBe(1);
    // Control: a named person's age near the unnamed one could be the age the other report gives.
    expect(differ([a.replace("19-year-old", "26-year-old"), b])).toEqual([]);
  });
});

describe("figures of one story at different times", () => {
  it("different places in a ranking are different weeks", () => {
    const opened =
      "Family comedy Moon Harbour, directed by Lena Ortiz, entered the chart in third place after opening on Friday, taking $9.4m (£7m).";
    const later = (place: string) =>
      `Family comedy Moon Harbour, directed by Lena Ortiz, moved down the chart ${place} after taking $7.1m (£5.3m).`;
    expect(differ([opened, later("to fifth place")])).toEqual([]);
    // Control: without a second place named, the two figures are disputed.
    expect(differ([opened, later("again")]).length).toBe(1);
  });

  it("days of a month against a period told from the report, undated", () => {
    const dated = "The sequel took $31.5m between 12 and 14 March, according to studio estimates.";
    const weekend = "The sequel took $28.2m at the weekend, according to studio estimates.";
    expect(differ([dated, weekend])).toEqual([]);
    // Control: with neither period named the figures are disputed.
    expect(
      differ([dated.replace(" between 12 and 14 March", ""), weekend.replace(" at the weekend", "")]).length,
    ).toBe(1);
  });

  it("a round figure named as a mark to pass is a yardstick", () => {
    const scored = "Mara Vance scored 24,113 points in her career with the Coastal Gulls, the league said.";
    const mark = (what: string) =>
      `Mara Vance scored her way to the 30,000 points (all competitions) ${what} with the Coastal Gulls, the league said.`;
    expect(differ([scored, mark("mark")])).toEqual([]);
    expect(differ([scored, mark("milestone")])).toEqual([]);
    // Control: the same figure without a mark word is a figure of her career, disputed.
    expect(differ([scored, mark("in her career")]).length).toBe(1);
  });
});
