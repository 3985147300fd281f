/**
 * A digest story is about one thing: neighbouring stories that share every topical word ("interest
 * rates", "borrowing costs") but not their names (three countries' central banks) are three stories,
 * each titled with what its own points name. Generated records; nothing here is keyed to a corpus.
 */
import { describe, expect, it } from "vitest";
import { type ArticleRecord, articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { NameLexicon, namesAbsent } from "../../src/engine/names.ts";

const BANKS = [
  { country: "Narnia", bank: "Narnian Reserve", chief: "Olga Fenwick" },
  { country: "Quarvel", bank: "Quarvel Monetary Authority", chief: "Piet Hazelrigg" },
  { country: "Tellimor", bank: "Central Bank of Tellimor", chief: "Ana Brastow" },
];
const OTHER = ["harbour", "orchestra", "glacier", "vineyard", "railway", "library", "marathon", "museum"];

function rateRecords(): ArticleRecord[] {
  const out: ArticleRecord[] = [];
  BANKS.forEach((b, i) => {
    for (let k = 0; k < 4; k++) {
      const rate = (2 + i + k * 0.25).toFixed(2);
      out.push({
        id: `${b.country.toLowerCase()}-${k}`,
        text: [
          `${b.country} interest rates rise to ${rate}%`,
          `The ${b.bank} has raised interest rates to ${rate}%, increasing borrowing costs for households in ${b.country}.`,
          `Governor ${b.chief} of the ${b.bank} said interest rates had to rise because inflation in ${b.country} was too high.`,
          `Analysts in ${b.country} expect borrowing costs to rise again before the end of the year.`,
        ].join("\n\n"),
      });
    }
  });
  // Other news, so that the rates vocabulary is distinctive within the corpus.
  OTHER.forEach((thing, i) => {
    for (let k = 0; k < 3; k++)
      out.push({
        id: `${thing}-${k}`,
        text: `New ${thing} opens in town ${i}\n\nA new ${thing} opened on day ${k} to crowds of visitors. The ${thing} was built over ${k + 2} years by local workers.`,
      });
  });
  return out;
}

describe("a digest story is about one thing", () => {
  it("keeps stories that share topical words but not names apart, each titled by its own points", async () => {
    const arts = articlesFromRecords(rateRecords());
    const d = await createExtractiveEngine(arts).digest();
    const lexicon = new NameLexicon();
    for (const a of arts) for (const p of a.paragraphs.slice(1)) lexicon.learn(p);
    const rateStories = d.stories.filter((s) =>
      s.points.some((p) => BANKS.some((b) => p.sources.some((id) => id.startsWith(b.country.toLowerCase())))),
    );
    expect(rateStories.length).toBeGreaterThanOrEqual(2);
    for (const s of rateStories) {
      const countries = new Set(s.points.flatMap((p) => p.sources.map((id) => id.replace(/-\d+$/, ""))));
      // Every article a story cites is about one country's rates.
      expect(countries.size).toBe(1);
      // And its title names nothing its points don't.
      expect(
        namesAbsent(
          lexicon,
          s.title,
          s.points.map((p) => p.text),
        ),
      ).toBe(0);
    }
  });

  it("tells names from ordinary words by how the text writes them", () => {
    const lexicon = new NameLexicon();
    lexicon.learn("Rates in the US rose, the Bank of Narnia said, and borrowing costs for us all rose too.");
    lexicon.learn(
      "The bank said rates would stay high, the bank added, while the Bank of Narnia watched the U.S.",
    );
    expect([...lexicon.names("US rates rise as Narnia waits")].sort()).toEqual(["^us", "narnia"]);
    // "Bank" is written in lower case as often as capitalised: an ordinary word.
    expect(lexicon.names("Bank rates")).toEqual(new Set());
    expect(namesAbsent(lexicon, "US rates rise", ["Rates rose in the U.S. on Monday."])).toBe(0);
    expect(namesAbsent(lexicon, "US rates rise", ["Rates rose in Narnia on Monday."])).toBe(1);
  });
});
