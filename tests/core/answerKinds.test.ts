/**
 * Answers typed and matched by meaning (WordNet): a common noun of the kind a "which NOUN" question asks
 * for, a name of that kind before another of the same class, a question's word matched through its
 * synonym, a figure counting what "how many" counts. Short articles written for these tests (no seed
 * files, no dataset text).
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { focusClass, focusKind, ofKind } from "../../src/engine/answerKinds.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { analyzeQuestion, answerSpans } from "../../src/engine/questions.ts";
import { stemSet } from "../../src/text/similarity.ts";
import { synonyms } from "../../src/text/wordnet.ts";

/** The answer spans a sentence offers a question, by key (the best fit of each). */
function spansOf(question: string, sentence: string): Map<string, number> {
  const spans = answerSpans(
    analyzeQuestion(question),
    question,
    [],
  )({
    text: sentence,
    stems: stemSet(sentence),
    position: 1,
    total: 3,
    article: 0,
  });
  const out = new Map<string, number>();
  for (const sp of spans) out.set(sp.key, Math.max(out.get(sp.key) ?? 0, sp.fit));
  return out;
}

function engineOf(records: { id: string; title: string; text: string }[]) {
  return createExtractiveEngine(articlesFromRecords(records));
}

describe("WordNet", () => {
  it("knows what kind of thing a noun or a name is", () => {
    const veg = focusKind(["vegetable"], "vegetable")!;
    expect(ofKind("cucumbers", veg, 3)).toBe(1);
    expect(ofKind("hammers", veg, 3)).toBe(0);
    const european = focusKind(["european", "nation"], "nation")!;
    expect(ofKind("Italy", european)).toBe(1);
    expect(ofKind("Sri Lanka", european)).toBe(0);
    const delaware = focusKind(["delaware", "city"], "city")!;
    expect(ofKind("Wilmington", delaware)).toBe(1);
    expect(ofKind("Boston", delaware)).toBeLessThan(1);
    expect(focusClass("republican")).toBe("person");
    expect(synonyms("stepped_down", "verb")).toContain("resign");
  });
});

describe("a national team", () => {
  it("is named by its country: a country answers 'which national team', not 'which team'", () => {
    const national = focusKind(["national", "team"], "team")!;
    expect(ofKind("Netherlands", national)).toBe(1);
    expect(ofKind("Norway", national)).toBe(1);
    expect(ofKind("Netherlands", focusKind(["team"], "team")!)).not.toBe(1);
    expect(ofKind("Netherlands", focusKind(["national", "park"], "park")!)).not.toBe(1);
  });
});

describe("answers by kind and meaning", () => {
  it("answers 'which NOUN' with a common noun of that kind", async () => {
    const e = engineOf([
      {
        id: "recall",
        title: "Produce recall",
        text: [
          "A recall of produce sold in more than a dozen states was announced on Friday by health officials over possible salmonella contamination.",
          "The officials said the recalled cucumbers, which may carry salmonella, had been shipped by a grower and sold at large chains.",
          "Shoppers were told to check their fridges.",
        ].join(" "),
      },
    ]);
    const a = await e.ask("Which vegetable was recalled in more than a dozen states over salmonella?");
    expect(a.answer).toContain("cucumbers");
  });

  it("prefers a name of the kind asked over another of the same class", async () => {
    const e = engineOf([
      {
        id: "a",
        title: "Crisis",
        text: [
          "The prime minister of Sri Lanka stepped down this week as European and Asian governments watched the crisis.",
          "Crowds gathered in the capital on Monday.",
        ].join(" "),
      },
      {
        id: "b",
        title: "Rome",
        text: "In Rome, the prime minister of Italy stepped down this week, officials said. Elections follow in the autumn.",
      },
    ]);
    const a = await e.ask("The prime minister of which European nation stepped down this week?");
    expect(a.answer).toContain("Italy");
  });

  it("matches a question's word through its synonym", async () => {
    const e = engineOf([
      {
        id: "ceo",
        title: "Boardroom",
        text: [
          "Hartfield executive Tom Reyes said on Tuesday that the retailer's sales had held up over the winter.",
          "Maria Olsen, another Hartfield executive, resigned on Tuesday after a row with the board.",
          "Analysts said the shares had fallen for a month.",
        ].join(" "),
      },
    ]);
    const a = await e.ask("Which Hartfield executive stepped down on Tuesday?");
    expect(a.answer).toContain("Maria Olsen");
  });

  it("answers 'how many NOUN' with a figure counting that noun", async () => {
    const e = engineOf([
      {
        id: "leap",
        title: "Leap year",
        text: [
          "Leap years come once every four years, when a day is added to the calendar year in February.",
          "A leap year therefore has 366 days instead of the usual 365.",
          "The extra day keeps the calendar in step with the Earth's orbit.",
        ].join(" "),
      },
    ]);
    const a = await e.ask("How many days are in a calendar year that is a leap year?");
    expect(a.answer).toContain("366");
  });

  it("reads a question's kind through a quoted title with a period and a noun the lists don't name", () => {
    expect(
      analyzeQuestion("Which actor voices Mario in the “Super Mario Bros. Movie,” which opened this week?")
        .type,
    ).toBe("person");
    expect(analyzeQuestion("Voters in Wyoming elected which Trump-backed Republican?").type).toBe("person");
  });
  it("does not answer 'where' with the place a title goes with", () => {
    const question = "Where did the debate take place?";
    const fits = spansOf(
      question,
      "Ohio Sen. Mark Dalby and Minnesota Gov. Jane Rowe met for the debate in Denver.",
    );
    expect(fits.get("denver")).toBeGreaterThan(fits.get("ohio") ?? 0);
    expect(fits.get("denver")).toBeGreaterThan(fits.get("minnesota") ?? 0);
    // Unless the office is what is asked about.
    const office = spansOf(
      "Which state does the senator represent?",
      "Ohio Sen. Mark Dalby spoke in Denver.",
    );
    expect(office.get("ohio")).toBeGreaterThanOrEqual(office.get("denver") ?? 0);
  });

  it("answers about a kind of people the articles call otherwise, but not about a thing they never name", async () => {
    const e = engineOf([
      {
        id: "noise",
        title: "Noise study",
        text: [
          "A new study found that 18% of people in the UK suffer from misophonia, a percentage far higher than researchers expected.",
          "The researchers surveyed 4,000 adults.",
        ].join(" "),
      },
    ]);
    const a = await e.ask("What percentage of Brits suffer from misophonia, according to a new study?");
    expect(a.answer).toContain("18%");
    const b = await e.ask("What percentage of Narnians suffer from misophonia?");
    expect(b.found).toBe(false);
  });
});
