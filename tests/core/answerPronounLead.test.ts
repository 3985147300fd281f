/**
 * An answer in the sentence after the one naming what the question asks about ("… Marta Lindqvist …" /
 * "She led her native Norway to victory …"; "… Korvane Energy …" / "The company paid …"): the sentence
 * referring back counts the question's names the sentence before gives as its own (namedEntity.ts
 * `referredStems`). Made-up articles (no seed files,
 * no dataset text).
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { referredStems } from "../../src/engine/namedEntity.ts";
import { CorpusIndex } from "../../src/search/index.ts";

const records = [
  {
    id: "a",
    title: "Federation names new coach",
    text: [
      "The federation confirmed on Monday that Marta Lindqvist will take charge of the women's squad for the coming season.",
      "She led her native Norway to victory at the championship three years ago.",
      "The squad will gather in August for a training camp before the qualifiers begin.",
      "Since Marta Lindqvist took over the club side last year, the Harbour Hawks are unbeaten in national games.",
      "Ticket sales for the home games have risen sharply since the spring.",
    ].join(" "),
  },
  {
    id: "b",
    title: "Nordic Cup preview",
    text: [
      "The Nordic Cup returns next summer with eight teams competing over three weeks.",
      "Organisers expect record crowds at the final, to be held at the Harbour Arena.",
      "Holders Denmark are the favourites with the bookmakers after an unbeaten year.",
    ].join(" "),
  },
];

describe("an answer given in the sentence after the one naming whom the question asks about", () => {
  it("answers from the sentence opening on 'She' that follows the one naming her", async () => {
    const e = createExtractiveEngine(articlesFromRecords(records));
    const a = await e.ask("Marta Lindqvist previously led which national team to victory at the Nordic Cup?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("Norway");
  });

  it("answers from the sentence opening on 'The company' that follows the one naming it", async () => {
    const e = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "c",
          title: "Deal closes",
          text: [
            "Regulators on Friday cleared the sale of the Ostrava plant to Korvane Energy after a year-long review.",
            "The company paid $4.2bn for it, according to the filing.",
            "The site employs about 3,000 people and supplies most of the region's fuel.",
          ].join(" "),
        },
        {
          id: "d",
          title: "Refinery sales this year",
          text: [
            "Refinery deals have been rare this year as prices swung.",
            "Korvane Energy paid $900m for a stake in the Brenmoor refinery in March, a price analysts called high.",
            "Brenmoor Oil did not comment on the sector's prospects.",
          ].join(" "),
        },
      ]),
    );
    const a = await e.ask("How much did Korvane Energy pay for the Ostrava refinery?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("$4.2bn");
  });

  it("gives the pronoun's sentence the names the sentence before gives, only when it opens on a pronoun", () => {
    const index = new CorpusIndex(articlesFromRecords(records));
    const [named, she, squad] = index.sentences(0);
    const lindqvist = [{ words: ["Marta", "Lindqvist"], weight: 1 }];
    expect(referredStems(she!, named, lindqvist).length).toBeGreaterThan(0);
    // (Not a sentence opening on no pronoun, nor one after a sentence not naming them.)
    expect(referredStems(squad!, she, lindqvist)).toEqual([]);
    expect(referredStems(she!, undefined, lindqvist)).toEqual([]);
  });
});
