/**
 * An answer about what the question names, on made-up articles: a sentence giving a figure of the kind
 * asked about another company does not lead over one about the company asked about; when no sentence
 * names what the question names and the best one's page is about something else, the reply says the
 * articles don't say.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { namesCovered, questionNames } from "../../src/engine/namedEntity.ts";
import { CorpusIndex } from "../../src/search/index.ts";

function engineOf(records: { id: string; title: string; text: string }[]) {
  return createExtractiveEngine(articlesFromRecords(records));
}

describe("answers about the entity the question names", () => {
  it("leads with the sentence naming the bank asked about, not another bank's cuts", async () => {
    const e = engineOf([
      {
        id: "a",
        title: "Dutch lender to shed staff",
        text: [
          "Brevik Amro, the country's largest bank, is to cut 2,850 jobs as a result of falling profits.",
          "The cuts will result in a one-off charge of 790m euros for the lender.",
          "Halder Bank said earlier this month it would reduce its home workforce by 1,920 jobs.",
          "Analysts expect more cuts across the sector this year.",
        ].join(" "),
      },
    ]);
    const a = await e.ask("How many jobs will be cut at Halder Bank?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("1,920");
    expect(a.answer).not.toContain("2,850");
  });

  const prints = (title: string) => [
    {
      id: "a",
      title,
      text: [
        "Scientists have found 88 fossilized prints belonging to adults and children in shallow riverbeds on the Ubarra test range.",
        "The prints are likely to date back 12,000 years, researchers said.",
        "The range covers a wide area of desert and salt flats.",
      ].join(" "),
    },
    {
      id: "b",
      title: "Council meets",
      text: "The Kestrel county council met on Tuesday to discuss road repairs and school budgets. Members voted to delay the plan until spring.",
    },
  ];

  it("says the articles don't say when the best sentence's page is about another place and none names the one asked", async () => {
    const e = engineOf(prints("Fossil prints found at test range"));
    const a = await e.ask("How many fossil prints were found in a Kestrel riverbed this week?");
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/^The articles don't say/);
    // (The best sentence is offered as the closest.)
    expect(a.points[0]?.text).toContain("88 fossilized prints");
  });

  it("answers as before when the page's title names what the question names", async () => {
    const e = engineOf(prints("Fossil prints found in Kestrel riverbed"));
    const a = await e.ask("How many fossil prints were found in a Kestrel riverbed this week?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("88");
  });

  it("reads the question's names: runs of capitals, not its question words, days or the kind asked", () => {
    const q = (surface: string) => ({ stem: surface.toLowerCase(), related: [], idf: 2, surface });
    const concepts = ["Halder", "Bank", "Monday", "California", "British", "city", "cut"].map(q);
    const got = questionNames(
      "Which California city did Halder Bank pick on Monday, British voters asked?",
      concepts,
      ["california", "city"],
      () => false,
    );
    expect(got.map((n) => n.words.join(" "))).toEqual(["Halder Bank"]);
  });

  it("counts a sentence as naming what its page's title names, or the sentence before when it opens on a pronoun", () => {
    const index = new CorpusIndex(
      articlesFromRecords([
        {
          id: "a",
          title: "Lenders shed staff",
          text: [
            "Brevik Amro, the country's largest bank, is to cut 2,850 jobs as a result of falling profits.",
            "The cuts will result in a one-off charge of 790m euros for the lender.",
            "Halder Bank has also been struggling with falling profits this year.",
            "It said earlier this month it would reduce its home workforce by 1,920 jobs.",
            "Analysts expect more cuts across the sector this year.",
          ].join(" "),
        },
        {
          id: "b",
          title: "Halder Bank results",
          text: "Profits fell sharply in the last quarter of the year.",
        },
      ]),
    );
    const halder = [{ words: ["Halder", "Bank"], weight: 1 }];
    const [lead, , , it, analysts] = index.sentences(0);
    expect(namesCovered(index, lead!, halder)).toBe(0);
    expect(namesCovered(index, it!, halder)).toBe(1);
    // (Not a sentence that opens on no word referring back.)
    expect(namesCovered(index, analysts!, halder)).toBe(0);
    expect(namesCovered(index, index.sentences(1)[0]!, halder)).toBe(1);
  });
});
