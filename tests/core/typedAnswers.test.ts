/**
 * An amount, a day or a place asked ("how many", "how much", "when", "where"): the answer leads with a
 * sentence holding one of that kind by its form near the question's terms, and when no sentence near
 * the best holds one, the reply says the articles don't say, offering the closest. A figure counting
 * another thing ("for two minutes" for "how many warheads"), an ordinal ("21st-century"), a bare number
 * for a price, or a name that is no place for "where" is not of the kind asked. Articles and questions
 * written for these tests (no seed files, no dataset text).
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { analyzeQuestion, typedAnswer } from "../../src/engine/questions.ts";
import { spansOf } from "../support/answerSpans.ts";

/** Each answer a sentence offers the question, with whether it is of the kind asked by its form. */
function typedSpans(question: string, sentence: string): Map<string, boolean> {
  const spans = spansOf(question, sentence);
  const out = new Map<string, boolean>();
  for (const sp of spans) out.set(sp.key, (out.get(sp.key) ?? false) || sp.typed === true);
  return out;
}

describe("answers of the kind asked, by their form", () => {
  it("tells which questions are held to a form: amounts, days, 'where'", () => {
    expect(typedAnswer(analyzeQuestion("How many warheads does Veloria have?"))).toBe(true);
    expect(typedAnswer(analyzeQuestion("When will the final be played?"))).toBe(true);
    expect(typedAnswer(analyzeQuestion("Where will the final be played?"))).toBe(true);
    // "Which country" is WordNet's to tell (answerKinds.ts), not held to a form; nor is "who".
    expect(typedAnswer(analyzeQuestion("Which country won the song contest?"))).toBe(false);
    expect(typedAnswer(analyzeQuestion("Who opened the bridge?"))).toBe(false);
  });

  it("reads a figure of another unit, a year, an ordinal or a bare price as no answer of the kind", () => {
    const q = "How many warheads does Veloria have?";
    expect(typedSpans(q, "The rocket flew over the strait for two minutes, officials said.").get("two")).toBe(
      false,
    );
    expect(typedSpans(q, "Veloria is thought to hold about 40 warheads.").get("40")).toBe(true);
    expect(typedSpans(q, "Veloria began building warheads in 2010.").get("2010")).toBe(false);
    expect(typedSpans(q, "It is a 21st-century arsenal.").get("21")).toBe(false);
    // A price asked: a figure without a currency is no answer; one with it is.
    const fine = "How much was the fine?";
    expect(typedSpans(fine, "She was fined for having two children.").get("two")).toBe(false);
    expect(typedSpans(fine, "The court set the fine at $4,000.").get("$4,000")).toBe(true);
    // "How much time" asks no price: "one hour" is of its kind.
    expect(typedSpans("How much time did the clocks gain?", "The clocks gained one hour.").get("one")).toBe(
      true,
    );
    // "How long": a duration, not a count of people.
    const long = "How long did the surgery take?";
    expect(typedSpans(long, "The surgery took 14 hours, a surgeon said.").get("14")).toBe(true);
    expect(typedSpans(long, "The surgery took 3 surgeons and a nurse.").get("3")).toBe(false);
    // A figure joined to another unit ("a 151-proof rum") counts no students.
    expect(
      typedSpans("How many students joined the club?", "The club served a 151-proof rum to students.").get(
        "151",
      ),
    ).toBe(false);
  });

  it("reads a known place, a name after 'in' or a place in lower case as a 'where' answer, not any name", () => {
    const q = "Where will the grand final be played?";
    expect(
      typedSpans(q, "The Copper Hounds will play at half time, sources said.").get("copper hounds"),
    ).toBe(false);
    expect(typedSpans(q, "The grand final will be played in Brevano.").get("brevano")).toBe(true);
    expect(
      typedSpans(q, "when the grand final hits atlanta on march 3, the band plays.").get("atlanta"),
    ).toBe(true);
    // A common noun of place, or a thing after a preposition of place.
    expect(
      typedSpans("Where did the candidates tour?", "The candidates toured the swing states.").get("states"),
    ).toBe(true);
    expect(
      typedSpans("Where was the bag found?", "The bag was found near the old quarry.").get("quarry"),
    ).toBe(true);
  });
});

describe("an answer that holds no amount or place", () => {
  it("says the articles don't say, offering the closest, instead of a figure of another unit", async () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "launch",
          title: "Veloria fires rocket over strait",
          date: "2031-03-04",
          text: [
            "Veloria fired a rocket capable of carrying nuclear warheads over the strait on Tuesday, and it flew for two minutes before falling into the sea.",
            "Sirens sounded in coastal towns as residents took cover.",
            "Veloria has tested nuclear warheads before, analysts said, and its neighbours called for talks.",
          ].join(" "),
        },
      ]),
    );
    const a = await engine.ask("How many nuclear warheads does Veloria have?");
    expect(a.found).toBe(false);
    expect(a.answer).toBe("The articles don't say how many nuclear warheads Veloria has.");
    expect(a.points.length).toBeGreaterThan(0);
    expect(a.points.length).toBeLessThanOrEqual(2);
  });

  it("says the articles don't say how much a fine was when no figure has a currency", async () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "fine",
          title: "Family fined in Drasko",
          date: "2031-05-02",
          text: [
            "Officials in Drasko fined the family of five for breaking the housing rule, a local paper reported.",
            "The fine was described as hefty by neighbours.",
            "The family said they would appeal.",
          ].join(" "),
        },
      ]),
    );
    const a = await engine.ask("How much was the fine?");
    expect(a.found).toBe(false);
    expect(a.answer).toBe("The articles don't say how much the fine was.");
  });

  it("leads with the sentence naming a place over a more relevant one naming only a band", async () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "final",
          title: "Copper Hounds to play grand final",
          date: "2031-01-10",
          text: [
            "The Copper Hounds will play the half-time show of the grand final, several sources confirm.",
            "Nobody can tell which two teams will meet when the grand final hits atlanta on february 3, but the band has been booked.",
            "Tickets sold out within hours.",
          ].join(" "),
        },
      ]),
    );
    const a = await engine.ask("Where will the grand final be played?");
    expect(a.found).toBe(true);
    expect(a.answer.toLowerCase()).toContain("atlanta");
  });

  it("leads with the sentence holding the amount even when pages repeat a more relevant one without", async () => {
    // Two pages repeat the sentence about the cost that gives none: corroboration lifts it, the figure leads still.
    const repeated =
      "Councillors in Hollin said in 2019 that the Varnley footbridge cost was far too high for a small town.";
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "row",
          title: "Footbridge row in Hollin",
          text: `${repeated} Officials said the Varnley project came to 4 million pounds. Walkers have welcomed the new crossing over the river.`,
        },
        {
          id: "angry",
          title: "Hollin councillors angry",
          text: `${repeated} Residents had asked for a crossing for years. A public meeting is planned for next week at the town hall.`,
        },
        {
          id: "garden",
          title: "Gardening tips",
          text: "Tomatoes need plenty of sun. Water them in the morning. Feed them every two weeks with a good fertiliser.",
        },
      ]),
    );
    const a = await engine.ask("How much did the Varnley footbridge cost?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("4 million pounds");
  });
});
