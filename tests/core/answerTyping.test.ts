/**
 * What a "which/what NOUN" question asks for when its wording has more in it than the noun: a later
 * "where/when/who" opening a clause about the noun, a verb in the past right after it, a possessor, a
 * modifier that is itself a listed noun; and which names can answer it: not "U.S." when the question
 * writes "US", and for "who" no name that is no one person ("the White House", "House Republicans"). Sentences and articles written
 * for these tests (no seed files, no dataset text).
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { analyzeQuestion, answerSpans } from "../../src/engine/questions.ts";
import { stemSet } from "../../src/text/similarity.ts";

/** The answer spans a sentence offers a question, by key (the best fit of each). */
function spansOf(question: string, sentence: string): Map<string, number> {
  const spans = answerSpans(
    analyzeQuestion(question),
    question,
    [],
  )({ text: sentence, stems: stemSet(sentence), position: 1, total: 3, article: 0 });
  const out = new Map<string, number>();
  for (const sp of spans) out.set(sp.key, Math.max(out.get(sp.key) ?? 0, sp.fit));
  return out;
}

describe("what a which/what question asks for", () => {
  it("asks for the noun, not for a place, when 'where' only opens a clause about it", () => {
    const a = analyzeQuestion(
      "What was the name of the open-air music festival where the storm forced thousands to leave?",
    );
    expect(a.type).toBe("named");
    expect(a.focus).toBe("festival");
    const b = analyzeQuestion("Which stadium will host the final when the tournament ends?");
    expect(b.type).not.toBe("day");
    expect(b.focus).toBe("stadium");
  });

  it("still reads a plain where/when/who question as before", () => {
    expect(analyzeQuestion("Where did the summit take place?").type).toBe("place");
    expect(analyzeQuestion("What did the minister say when she arrived?").type).toBe("day");
    expect(analyzeQuestion("Who won the race?").type).toBe("person");
  });

  it("ends the noun phrase at a verb in the past", () => {
    expect(analyzeQuestion("Which film won the most prizes at the awards?").focus).toBe("film");
    expect(analyzeQuestion("Which painting sold for a record price this week?").focus).toBe("painting");
  });

  it("takes the head noun over a listed noun modifying it", () => {
    const a = analyzeQuestion("Which country music festival was cancelled this week?");
    expect(a.focus).toBe("festival");
    expect(a.type).not.toBe("place");
  });

  it("asks for the possessor in 'which X's Y'", () => {
    const a = analyzeQuestion("Which state's board of education voted to ban the textbook?");
    expect(a.type).toBe("place");
    expect(a.focus).toBe("state");
  });
});

describe("names that answer it", () => {
  it("takes a name of stopwords the question writes without periods as the question's own", () => {
    const q = "The government approved the use of which US-supplied missiles this week?";
    const s = spansOf(q, "Troops may now fire U.S. missiles known as ATACMS at targets across the border.");
    expect(s.has("atacms")).toBe(true);
    expect(s.has("u.s")).toBe(false);
  });

  it("gives a 'who' question's answer to a person over the White House or a party's members", () => {
    const q = "Which lawmaker called for a formal inquiry into the contracts?";
    const s = spansOf(
      q,
      "House Republicans and the White House traded blame after Senator Maria Delgado called for a formal inquiry into the contracts.",
    );
    expect(s.get("maria delgado")!).toBeGreaterThan(s.get("house republicans") ?? 0);
    expect(s.get("maria delgado")!).toBeGreaterThan(s.get("white house") ?? 0);
    // One word WordNet knows only as an organisation or a building: no person either.
    const t = spansOf(q, "The GOP backed Delgado at the Capitol after she called for a formal inquiry.");
    expect(t.get("delgado")!).toBeGreaterThan(t.get("gop") ?? 0);
    expect(t.get("delgado")!).toBeGreaterThan(t.get("capitol") ?? 0);
    // A team (a place and a plural) is no one person: the brief's "a team for 'which quarterback'".
    const v = spansOf(
      "Which quarterback agreed to a record deal this week?",
      "The Philadelphia Eagles and Jalen Hurts agreed to a record deal.",
    );
    expect(v.get("jalen hurts")!).toBeGreaterThan(v.get("philadelphia eagles") ?? 0);
    // A surname that is also a common word is not ruled out.
    const u = spansOf(q, "Rice and Maria Delgado called for a formal inquiry.");
    expect(u.get("rice")).toBeGreaterThan(0);
  });
});

describe("figures and other classes of names", () => {
  it("does not take a figure the question gives for an answer because a period or comma follows it", () => {
    const q = "How much has the campaigner, who has died aged 40, raised for research?";
    const s = spansOf(q, "The campaigner, who raised millions for research, has died aged 40.");
    expect(s.has("40.")).toBe(false);
    expect(s.has("40")).toBe(false);
    expect(s.has("millions")).toBe(true);
    const t = spansOf(q, "Her fund raised £7m, the charity said in 2016, the year it began.");
    expect(t.has("£7m")).toBe(true);
    expect(t.has("2016")).toBe(true);
  });

  it("keeps less for a name WordNet knows only as an organisation, person or place when a thing is asked", () => {
    const q = "Which spacecraft had its launch delayed this week?";
    const s = spansOf(q, "The launch of Starliner was delayed again this week, NASA said.");
    expect(s.get("starliner")!).toBeGreaterThan(s.get("nasa") ?? 0);
    // Asked for an organisation, a company named by a common word is not ruled out.
    const c = spansOf(
      "Which company cut its prices this week?",
      "This week Apple cut its prices, and so did Tesco.",
    );
    expect(c.get("apple")).toBe(c.get("tesco"));
  });
});

describe("titles and surnames", () => {
  it("keys a quoted title without the comma or period closing the sentence inside the quotes", () => {
    const q = "Which film won the most awards this year?";
    const s = spansOf(q, 'The prize went to "Harbour Lights," the critics said.');
    expect(s.has("harbour lights")).toBe(true);
    expect(s.has("harbour lights,")).toBe(false);
  });

  it("gives a quoted title less than a person's name for 'who'", () => {
    const q = "Who won the award for best actress this year?";
    const s = spansOf(
      q,
      'The drama "The Quiet Harbour" took best picture, and Mara Ellison won best actress.',
    );
    expect(s.get("mara ellison")!).toBeGreaterThan(s.get("quiet harbour") ?? 0);
  });

  it("leads with a sentence naming the answer by surname alone when other sentences give the full name", async () => {
    const e = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "prize",
          title: "Stage awards night",
          text: [
            "The stage awards were handed out on Sunday night in a packed theatre.",
            "Critics had praised Rosa Vantongeren for her role in a revival of an old comedy.",
            "Vantongeren won the award for best actress for her role in the revival.",
            "Lena Hartigan read out the shortlist for best actress.",
          ].join(" "),
        },
      ]),
    );
    const a = await e.ask("Who won the award for best actress?");
    expect(a.answer).toContain("Vantongeren");
    expect(a.answer).not.toContain("Hartigan");
  });
});
