/**
 * "How old …?" asks for an age: an answer holds a figure written as one ("a 34-year-old", "aged 71",
 * "smith, 45,", "in her 60s"), not any figure. The sentence with one near the question's terms leads;
 * when none has one, the reply says the articles don't say. Made-up records, written as Multi-News
 * writes them (lower case but for a sentence's first word).
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";

const crowd =
  "Festival crowd\n\nAbout 130,000 people watched the old fire juggler perform at the dunmore festival on sunday. " +
  "The fire juggler has toured with the festival for 12 summers, organisers said. ";

describe("how old: an age, not any figure", () => {
  it("leads with the sentence giving an age, not the one with a crowd count", async () => {
    for (const age of [
      "The fire juggler, a 34-year-old from quarvel, learned the trade from his father.",
      "The fire juggler, aged 34, learned the trade from his father.",
      "Fire juggler tomas brenn, 34, learned the trade from his father.",
      "The fire juggler is 34 years old and learned the trade from his father.",
    ]) {
      const e = createExtractiveEngine(articlesFromRecords([{ id: "fest", text: crowd + age }]));
      const a = await e.ask("How old is the fire juggler at the dunmore festival?");
      expect(a.found).toBe(true);
      expect(a.answer).toContain("34");
    }
  });

  it("an age in decades ('in her 60s') answers", async () => {
    const e = createExtractiveEngine(
      articlesFromRecords([
        { id: "fest", text: `${crowd}The fire juggler, now in her 60s, still performs twice a night.` },
      ]),
    );
    const a = await e.ask("How old is the fire juggler at the dunmore festival?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("60s");
  });

  it("says the articles don't say when no sentence gives an age", async () => {
    const e = createExtractiveEngine(articlesFromRecords([{ id: "fest", text: crowd }]));
    const a = await e.ask("How old is the fire juggler at the dunmore festival?");
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/^The articles don't say how old the fire juggler at the dunmore festival is/);
  });

  it("control: 'how many' still takes any figure", async () => {
    const e = createExtractiveEngine(articlesFromRecords([{ id: "fest", text: crowd }]));
    const a = await e.ask("How many people watched the fire juggler?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("130,000");
  });

  it("a thing's age: 'dates back 1,700 years', 'a 300-year-old'", async () => {
    for (const age of [
      "Tests show the stone bridge dates back 1,700 years, to the roman era.",
      "The stone bridge is a 300-year-old landmark, tests show.",
    ]) {
      const e = createExtractiveEngine(
        articlesFromRecords([
          {
            id: "bridge",
            text: `Bridge tests\n\nAbout 40,000 people cross the stone bridge over the river every week. ${age}`,
          },
        ]),
      );
      const a = await e.ask("How old is the stone bridge?");
      expect(a.found).toBe(true);
      expect(a.answer).toBe(age);
    }
  });

  it("the don't-say reply keeps a 'when' clause after the copula", async () => {
    const e = createExtractiveEngine(articlesFromRecords([{ id: "fest", text: crowd }]));
    const a = await e.ask("How old was the fire juggler when the festival began?");
    expect(a.answer).toBe("The articles don't say how old the fire juggler was when the festival began.");
  });
});
