/**
 * Weak leads an answer should not take for the thing asked, on made-up text: one common word of a
 * longer name ("Cup") does not name it ("World Cup"); a question placing its day in a year ("… this
 * year?") is not answered by a year alone.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { namesCovered, questionNames } from "../../src/engine/namedEntity.ts";
import { analyzeQuestion, answerSpans } from "../../src/engine/questions.ts";
import { CorpusIndex } from "../../src/search/index.ts";
import { stemSet } from "../../src/text/similarity.ts";

describe("names of common words", () => {
  const index = new CorpusIndex(
    articlesFromRecords([
      {
        id: "a",
        title: "Harbor club in league final",
        text: [
          "The Harbor Rovers will play in the Pacific Cup final at Bay Stadium on Saturday.",
          "Tickets for the world cup final went on sale this week.",
          "Organisers expect a full house at the ground.",
        ].join(" "),
      },
    ]),
  );
  const q = "Where will the World Cup final take place?";
  const concepts = index.concepts(q, { question: true });
  // (The articles write "cup" and "world" in lower case: common words.)
  const common = (w: string) => ["cup", "world", "final"].includes(w.toLowerCase());
  const list = questionNames(q, concepts, [], () => false, common);

  it("reads a name of common words as named only by most of its words", () => {
    expect(list.map((n) => n.words.join(" "))).toEqual(["World Cup"]);
    const [cup, world] = index.sentences(0);
    expect(namesCovered(index, cup!, list)).toBe(0);
    expect(namesCovered(index, world!, list)).toBe(1);
  });

  it("still reads a name by its one uncommon word", () => {
    const q = (surface: string) => ({ stem: surface.toLowerCase(), related: [], idf: 2, surface });
    const halder = questionNames(
      "How many jobs will Halder Bank cut?",
      ["Halder", "Bank", "jobs"].map(q),
      [],
      () => false,
      (w) => w.toLowerCase() === "bank",
    );
    expect(halder[0]?.alone).toEqual(["Halder"]);
  });
});

describe("a day asked within a year", () => {
  const spans = (question: string, sentence: string) =>
    answerSpans(
      analyzeQuestion(question),
      question,
      [],
    )({ text: sentence, stems: stemSet(sentence), position: 1, total: 3, article: 0 }).map((s) => s.key);

  it("takes no year alone as the answer to 'when … this year?'", () => {
    const s = "The filing rules changed in 2021, and returns are due on April 18 instead.";
    expect(spans("When is the deadline to file taxes this year?", s)).not.toContain("2021");
    expect(spans("When is the deadline to file taxes this year?", s)).toContain("april");
    // (Asked without a year, the year stays an answer.)
    expect(spans("When did the filing rules change?", s)).toContain("2021");
  });
});
