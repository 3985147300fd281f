/**
 * The noun a "which/what NOUN" question asks for when its phrase holds more than adjectives and nouns:
 * a figure inside it ("which $2 billion software firm"), a verb in the present tense after it known by
 * the word that follows ("which fruit tops the list", "which chains plan to merge", "what drink sells
 * more"), and "figure" after an adjective, a person ("which political figure"), not an amount.
 * Sentences and articles written for these tests (no seed files, no dataset text).
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { analyzeQuestion } from "../../src/engine/questions.ts";

describe("the noun a which/what question asks for", () => {
  it("reads 'figure' after an adjective as a person, a bare 'figure' as an amount", () => {
    const a = analyzeQuestion("Which political figure was fined over a late donation this week?");
    expect(a.type).toBe("person");
    expect(a.focus).toBe("figure");
    expect(analyzeQuestion("Which literary figure inspired the new stage play?").type).toBe("person");
    expect(analyzeQuestion("What figure did the ministry give for exports?").type).toBe("quantity");
    expect(analyzeQuestion("Which sales figure surprised investors?").type).toBe("quantity");
  });

  it("passes over a figure inside the phrase to its head noun", () => {
    const a = analyzeQuestion("The founder of which $2 billion software firm stepped down this week?");
    expect(a.type).toBe("organisation");
    expect(a.focus).toBe("firm");
    expect(analyzeQuestion("Which Formula 2 team signed the young driver?").focus).toBe("team");
  });

  it("ends the phrase at a verb in the present tense, known by the word after it, not at a noun", () => {
    expect(analyzeQuestion("Which fruit tops the list of the dirtiest produce?").focus).toBe("fruit");
    // (Read as the head noun, the verb typed these as a person, a name and a place.)
    expect(analyzeQuestion("Which city hosts the next winter games?").type).toBe("place");
    expect(analyzeQuestion("Which team plays the final on Sunday?").type).toBe("organisation");
    expect(analyzeQuestion("Which singer tops the charts this week?").type).toBe("person");
    expect(analyzeQuestion("Which country leads the medal table?").type).toBe("place");
    expect(analyzeQuestion("Which two grocery chains plan to merge next year?").focus).toBe("chains");
    expect(analyzeQuestion("People who drink what beverage sleep more soundly?").focus).toBe("beverage");
    // Not a listed noun before "to", nor a noun before an adverb.
    const a = analyzeQuestion("She coached which national team to the title in 2019?");
    expect(a.type).toBe("organisation");
    expect(a.focus).toBe("team");
    expect(analyzeQuestion("Which basketball team recently won its first title?").focus).toBe("team");
  });

  it("answers 'which city hosts …' with a place, not a person", async () => {
    const e = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "games",
          title: "Winter games preparations",
          date: "2031-02-06",
          text: [
            "Preparations for the next winter games are on schedule, organisers said on Monday.",
            "Organising chief Dario Pelleni said the next winter games would be the greenest yet.",
            "The next winter games will be held in the northern city of Brevano, which last hosted them in 1980.",
            "Tickets go on sale in the spring.",
          ].join(" "),
        },
      ]),
    );
    const a = await e.ask("Which city hosts the next winter games?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("Brevano");
  });

  it("answers 'which political figure' with a person, not a count", async () => {
    const e = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "flu",
          title: "Flu season arrives early",
          date: "2031-02-06",
          text: [
            "Flu cases rose sharply across the region this week.",
            "More than 4,000 people tested positive for the flu this week, health officials said.",
            "Senator Mara Quillon, a leading political figure in the state, tested positive for the flu on Tuesday, her office said.",
            "Clinics have asked people with mild symptoms to stay at home.",
          ].join(" "),
        },
      ]),
    );
    const a = await e.ask("Which political figure tested positive for the flu this week?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("Quillon");
  });
});
