/**
 * Answers of another class than asked, and questions whose asked-for kind hides behind a copula:
 * "What was the new high mark?" asks for a figure; "Which of the following is the most popular
 * flavor?" for a flavor; a past tense is no noun of the kind asked ("drinking rose"); a name after a
 * title is a person's, no party's or residence's; a name headed by "College of …" is an
 * organisation's; a time word ("after") gives a reason less surely than "because". Short articles and sentences written for these tests (no seed files, no dataset text).
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { entityByHead } from "../../src/engine/answerKinds.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { analyzeQuestion, answerSpans } from "../../src/engine/questions.ts";
import { stemSet } from "../../src/text/similarity.ts";

/** The answer spans a sentence offers a question, by key (the best fit of each, and whether of another class). */
function spansOf(question: string, sentence: string): Map<string, { fit: number; other: boolean }> {
  const spans = answerSpans(
    analyzeQuestion(question),
    question,
    [],
  )({ text: sentence, stems: stemSet(sentence), position: 1, total: 3, article: 0 });
  const out = new Map<string, { fit: number; other: boolean }>();
  for (const sp of spans)
    if ((out.get(sp.key)?.fit ?? -1) < sp.fit) out.set(sp.key, { fit: sp.fit, other: !!sp.other });
  return out;
}

describe("what a copular question asks for", () => {
  it("reads 'what was the new high mark?' as asking for a figure", () => {
    const a = analyzeQuestion("The region broke its heat record this week. What was the new high mark?");
    expect(a.type).toBe("quantity");
    expect(a.focus).toBe("mark");
    expect(analyzeQuestion("What is the deadline to file the forms?").type).toBe("day");
    // A copular "what" question about anything else is left as it was read.
    expect(analyzeQuestion("What is the town's top export?").type).toBe("thing");
  });

  it("reads a cause asked in place ('… due to what?') as a reason asked", () => {
    expect(
      analyzeQuestion("Many families will pay more to heat their homes this winter due to what?").type,
    ).toBe("reason");
  });

  it("reads 'which of the following is the NOUN' as asking for that noun", () => {
    const a = analyzeQuestion("Which of the following is the most popular ice cream flavor in Lakeshire?");
    expect(a.focus).toBe("flavor");
    expect(analyzeQuestion("Which of the following is the largest city in the valley?").type).toBe("place");
  });
});

describe("reasons", () => {
  it("fits a 'why' question less by a time word alone than by a reason given in so many words", () => {
    const q = "Why did the ferry sink?";
    const byTime = spansOf(q, "Divers searched the harbour on Monday after the ferry sank near the pier.");
    const byCause = spansOf(q, "The ferry sank because its loading doors had been left open.");
    expect(byCause.get("")?.fit).toBe(1);
    expect(byTime.get("")?.fit).toBeLessThan(1);
  });
});

describe("answers of another class than asked", () => {
  it("takes no past tense for a noun of the kind asked", () => {
    const spans = spansOf(
      "New research has found that women who drink what beverage age more healthily?",
      "Surveys have shown drinking among adults rose during the long winter, particularly among women.",
    );
    expect(spans.has("rose")).toBe(false);
  });

  it("reads a name headed by 'College of' or a building's noun as no answer for a flavor", () => {
    expect(entityByHead("College of Agriculture")).toBe(true);
    expect(entityByHead("Lakeshire Creamery")).toBe(false);
    expect(entityByHead("Lakeshire Creamery", true)).toBe(true);
    const spans = spansOf(
      "Which of the following is the most popular ice cream flavor in Lakeshire?",
      "The Lakeshire Creamery sells ice cream made with milk from local farms.",
    );
    expect(spans.get("lakeshire creamery")?.other).toBe(true);
  });

  it("marks a titled person's name as another class when a party is asked", () => {
    const spans = spansOf(
      "Voters in Norland reelected which party to run the government?",
      "Prime Minister Arvid Kessel, whose party was reelected to run the government, thanked voters.",
    );
    expect(spans.get("arvid kessel")?.other).toBe(true);
  });

  it("reads no organisation's name as a person's for a title-like word opening it", () => {
    const spans = spansOf(
      "Which bank collapsed this week?",
      "Regulators said First Republic Bank collapsed this week after a run on deposits.",
    );
    expect([...spans.values()].some((x) => x.other)).toBe(false);
  });

  it("reads no place as a person's for a role word before it", () => {
    const spans = spansOf(
      "Which country did the alliance invite to join this week?",
      "The alliance invited its newest member Finland to join the talks this week.",
    );
    expect(spans.get("finland")?.other).toBe(false);
  });

  it("marks a name after a person's role as another class when a band is asked", () => {
    const spans = spansOf(
      "Which of these bands announced this week it was reuniting with all its original members?",
      "The tour reunites the group with its original member, Tom Reyes, who left in 2005.",
    );
    expect(spans.get("tom reyes")?.other).toBe(true);
  });

  it("reads a surname another sentence gives after a title as a person's, no party's", async () => {
    const e = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "vote",
          title: "Norland politics",
          text: [
            "Prime Minister Arvid Kessel thanked Norland voters after the election on Sunday.",
            "Norland voters returned Kessel to run the country for a third term, officials said.",
            "Turnout was high across the north.",
          ].join(" "),
        },
      ]),
    );
    const a = await e.ask("Norland voters reelected which party to run the government?");
    expect(a.found).toBe(false);
    expect(a.answer).toBe(
      "The articles don't say which party Norland voters reelected to run the government.",
    );
  });

  it("says the articles don't say when the best sentence names only a titled person for a place", async () => {
    const e = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "summit",
          title: "Leaders meet",
          text: [
            "As President Dana Hollis travelled the world this summer promoting a pledge of large loans for poorer countries, competition with Beijing loomed.",
            "Aides said the trip had been planned for months.",
            "Officials in the capital gave no details.",
          ].join(" "),
        },
      ]),
    );
    const a = await e.ask(
      "The president of which African country travelled to Beijing this week to ask for a large loan for railways?",
    );
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/^The articles don't (say|answer)/);
    expect(a.points[0]?.text).toContain("Dana Hollis");
  });
});
