/**
 * "Who won …", "Which company recalled …": a name answers in the role the question asks about when it
 * is the subject of a clause (or a passive's agent) whose predicate holds the question's terms, said
 * as done (not "will win", "is favourite to win"), in the voice asked, not a verb of saying; the answer
 * leads with a sentence naming one in that role over one whose name did something else ("won the
 * riders' guild awards, boosting their Golden Spur hopes"). Articles and questions written for these
 * tests (no seed files, no dataset text).
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { askedRole } from "../../src/engine/answerRoles.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { spansOf, termsOf } from "../support/answerSpans.ts";

/** The role each name of `sentence` stands in for `question` (0 when none). */
function roles(question: string, sentence: string, idf: Record<string, number> = {}): Map<string, number> {
  const out = new Map<string, number>();
  for (const sp of spansOf(question, sentence, termsOf(question, idf)))
    out.set(sp.key, Math.max(out.get(sp.key) ?? 0, sp.role ?? 0));
  return out;
}

describe("the role a name stands in", () => {
  it("tells a question asking for a subject from one asking for an object", () => {
    expect(askedRole("Who won the gold cup?")).toBe("subject");
    expect(askedRole("Which bakery opened the new store?")).toBe("subject");
    expect(askedRole("Whom did the council send to the talks?")).toBe("object");
    expect(askedRole("Which striker did the Rovers sign?")).toBe("object");
    expect(askedRole("The Rovers signed which striker this week?")).toBe("object");
  });

  it("reads the subject of a clause holding the question's terms, not a name in a side clause", () => {
    const q = "Who won the gold cup?";
    const idf = { won: 0.5 };
    // The cup is in a clause of its own: what they won is another prize.
    const other = roles(
      q,
      "Mara Quell and Tobin Reyes have won the silver shield, boosting their gold cup hopes.",
      idf,
    );
    expect(other.get("mara quell")).toBe(0);
    expect(
      roles(q, "Mara Quell picked up the gold cup for her long ride.", idf).get("mara quell"),
    ).toBeGreaterThan(0.75);
    expect(roles(q, "Mara Quell has won the gold cup.", idf).get("mara quell")).toBe(1);
    // A relative clause is said of the name; so is a passive's agent.
    expect(roles(q, "Mara Quell, who won the gold cup last year, rode again.", idf).get("mara quell")).toBe(
      1,
    );
    expect(roles(q, "The gold cup was won by Mara Quell.", idf).get("mara quell")).toBe(1);
  });

  it("reads no role where nothing was done, in another voice, by a speaker, or after a preposition", () => {
    const q = "Who won the gold cup?";
    expect(roles(q, "Mara Quell will win the gold cup, trainers say.").get("mara quell")).toBe(0);
    expect(roles(q, "Mara Quell is favourite to win the gold cup.").get("mara quell")).toBe(0);
    expect(roles(q, "Tobin Reyes said the gold cup went to a newcomer.").get("tobin reyes")).toBe(0);
    expect(
      roles(q, "The efforts of Mara Quell and Tobin Reyes have won the gold cup.").get("tobin reyes"),
    ).toBe(0);
    const sacked = "Who sacked the harbour coach?";
    expect(roles(sacked, "Dale Ormond was sacked as harbour coach on Monday.").get("dale ormond")).toBe(0);
    expect(roles(sacked, "Vella Holdings sacked the harbour coach on Monday.").get("vella holdings")).toBe(1);
    // A question asking who someone is has no deed to read a role by.
    expect(roles("Who is the harbour coach?", "Dale Ormond is the harbour coach.").get("dale ormond")).toBe(
      0,
    );
  });
});

describe("an answer naming one in the role asked", () => {
  const articles = articlesFromRecords([
    {
      id: "guild",
      title: "Quell and Reyes win riders' guild awards",
      date: "2031-02-01",
      text:
        "Mara Quell and Tobin Reyes have won the riders' guild awards for best male and female riders, boosting their Golden Spur hopes this month. " +
        "The guild awards are voted on by riders themselves. " +
        "Both riders will travel to Carrow for the Golden Spur ceremony.",
    },
    {
      id: "guild-2",
      title: "Quell and Reyes take guild prizes",
      date: "2031-02-02",
      text:
        "Mara Quell and Tobin Reyes have won the riders' guild awards for best male and female riders, boosting their Golden Spur hopes this month. " +
        "The ceremony was held in a converted stable. " +
        "Organisers said tickets sold out within an hour.",
    },
    {
      id: "spurs",
      title: "Ostrander's Drift sweeps the Golden Spurs",
      date: "2031-02-28",
      text:
        "Ostrander's Drift swept the top prizes at the Golden Spurs on Sunday night in Carrow. " +
        "The long-distance epic won best picture of the season. " +
        "Mara Quell picked up best rider for her ride across the salt flats in Drift. " +
        "The ceremony ran for almost four hours.",
    },
    {
      id: "preview",
      title: "Carrow ready for awards night",
      date: "2031-02-20",
      text:
        "Trainers expect Salt Drift star Mara Quell will win the best rider Golden Spur, while Tobin Reyes looks likely to lose out. " +
        "The prizes are handed out in Carrow every February.",
    },
  ]);

  // (Nor, once it leads, is it passed over for a sentence naming in full a one-word name it holds,
  // "Drift" → "Salt Drift", which is no answer.)
  it("leads with the sentence naming who won the prize asked, not one who won another", async () => {
    const engine = createExtractiveEngine(articles);
    const a = await engine.ask("Who won the best rider Golden Spur?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("Mara Quell picked up best rider");
  });
});
