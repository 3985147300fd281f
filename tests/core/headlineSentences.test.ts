import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { headlineFrom } from "../../src/engine/headlines.ts";
import { headlineFlaw, titleFlaw, withoutPageWord } from "../../src/engine/phrasing.ts";

describe("a headline reads as a complete short sentence", () => {
  it("is not cut on a preposition (a clause that stops on 'of' gives way)", () => {
    const h = headlineFrom([
      "Three former rowers, including a retired national coach from the northern league, said on Monday that the club secretary was aware of, but never answered, repeated complaints about the unsafe boathouse by the river.",
      "Three former rowers said the club secretary ignored complaints about the unsafe boathouse.",
    ]);
    expect(h).not.toMatch(/\bof$/);
    expect(headlineFlaw(h)).toBeNull();
  });

  it("is not cut after a relative clause's verb alone ('… boats that sailed')", () => {
    const h = headlineFrom([
      "The schooner is the last of a fleet of old wooden boats that sailed before the harbour board last spring, hoping to win a new mooring licence for the winter.",
    ]);
    expect(h).not.toMatch(/that sailed$/);
  });

  it("keeps a duration with what it measures from ('less than two days after …')", () => {
    const h = headlineFrom([
      "A ferry captain has resigned less than two days after his boat ran aground near the harbour mouth.",
    ]);
    expect(h).not.toMatch(/days$/);
    expect(h).toMatch(/after his boat ran aground/);
  });

  it("passes over a main point in a page's promo voice for one that tells the same story", () => {
    const h = headlineFrom([
      "We've got all the news on the lighthouse keeper who rescued four sailors off the cape.",
      "A lighthouse keeper rescued four sailors whose yacht sank off the cape on Sunday.",
    ]);
    expect(h).toBe("A lighthouse keeper rescued four sailors whose yacht sank off the cape on Sunday");
  });

  it("keeps the main point when the other text tells another story", () => {
    const h = headlineFrom([
      "We've got all the news on the lighthouse keeper who rescued four sailors off the cape.",
      "Bakery prices rose again in the spring.",
    ]);
    expect(h).toMatch(/^We've got/);
  });

  it("drops a label and colon, or a page's word, before the sentence", () => {
    expect(
      headlineFrom(["Meltdown: veteran chef Arlo Penn walked out of a live cookery show on Tuesday night."]),
    ).toBe("Veteran chef Arlo Penn walked out of a live cookery show on Tuesday night");
    expect(withoutPageWord("Article the county fair opens its gates to record crowds")).toBe(
      "The county fair opens its gates to record crowds",
    );
  });

  it("names the flaws: cut, pronoun, first person, open quotation, a promo's '! )'", () => {
    expect(headlineFlaw("The mayor opened the new bridge…")).toBe("cut");
    // A tokenised copy's quotation opening on a pronoun or the first person, its mark spaced.
    expect(headlineFlaw('" they were hiding behind the harbor wall , " a ferry captain said')).toBe(
      "pronoun",
    );
    expect(headlineFlaw('" we will rebuild the pier , " the mayor said')).toBe("person");
    // A quotation alone, no one said to speak it; attributed, it reads whole.
    expect(headlineFlaw('"Harbor ferries will sail again by Friday."')).toBe("quote");
    expect(headlineFlaw('"Harbor ferries will sail again by Friday," the mayor said')).toBeNull();
    expect(headlineFlaw("They opened the new bridge on Friday")).toBe("pronoun");
    expect(headlineFlaw("We make the finest pies in the valley")).toBe("person");
    expect(headlineFlaw("Out now! ) when the storm hit the valley, the bakery closed")).toBe("label");
    expect(headlineFlaw("“The bridge is open, the mayor said on Friday")).toBe("quote");
    expect(headlineFlaw("The mayor opened the new bridge on Friday")).toBeNull();
    // A real title needs no verb.
    expect(titleFlaw("Floods across the northern valleys")).toBeNull();
  });
});

describe("a title in the promo voice heads no briefing", () => {
  it("gives way to the points' headline", async () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "p1",
          title: "We have every update on the Marlow canal lock repairs",
          text: "Engineers reopened the Marlow canal lock on Thursday after six weeks of repairs to its gates. The canal lock repairs cost the waterways trust about two million pounds. Boats queued at the canal lock all morning.",
        },
      ]),
    );
    const b = await engine.brief("canal lock repairs");
    expect(b.found).toBe(true);
    expect(b.headline).not.toMatch(/^We have/);
    expect(headlineFlaw(b.headline)).toBeNull();
  });
});
