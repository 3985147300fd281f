/**
 * A briefing says each fact once: a point telling a fact a better one already tells, inside a longer
 * sentence that says other things too ("… the sequel to …" twice), gives its place to the next
 * candidate. Made-up articles.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { type Candidate, repeatsFact, withoutRepeatedFacts } from "../../src/engine/points.ts";
import { stemSet } from "../../src/text/similarity.ts";
import { contentStems } from "../../src/text/tokens.ts";

const cand = (text: string, score = 1): Candidate => ({
  text,
  stems: stemSet(text),
  articles: [0],
  score,
  position: 0,
});
const topic = (t: string) => new Set(contentStems(t));

const SEQUEL =
  "Dinner With The Varleys is the sequel to Ana Torvik comedy Lunch With The Varleys, also starring Piet Olsen, Mira Kade and Jon Arle.";
const CAREER =
  "Lately Olsen has gone back to the stage, with parts in Night Harbour, Paper Kites and now Dinner With The Varleys, which is the sequel to Lunch With The Varleys.";

describe("repeatsFact", () => {
  it("finds the clause two longer sentences share", () => {
    expect(repeatsFact(cand(SEQUEL), cand(CAREER), topic("Dinner With The Varleys"))).toBe(true);
  });

  it("is no shared name, nor the topic with a common word", () => {
    // Only a film's title twice (all of it capitalised): no fact.
    expect(
      repeatsFact(
        cand(
          "Blockbusters like Captain Lark And The Silver Ravens Of Northern Shore took £9m in their first week.",
        ),
        cand(
          "The director, who made Captain Lark And The Silver Ravens Of Northern Shore, will now produce smaller films.",
        ),
        topic("Northern Shore"),
      ),
    ).toBe(false);
    // Two facts about the topic.
    expect(
      repeatsFact(
        cand("Comedy Dinner With The Varleys held the number one spot at the box office for a second week."),
        cand("Dinner With The Varleys set a new record for a holiday opening at cinemas in the north."),
        topic("Dinner With The Varleys"),
      ),
    ).toBe(false);
  });

  it("takes a figure the first doesn't give for news", () => {
    const a = cand(
      "League officials said they would decide next week whether to cancel the first week of regular season games.",
    );
    const b = cand(
      "The league has already canceled the first three weeks of the regular season because of the labour dispute.",
    );
    expect(repeatsFact(a, b, topic("hockey league"))).toBe(false);
    // Without the figure, the same clause told again.
    const c = cand(
      "The league has already canceled the first week of the regular season because of the labour dispute.",
    );
    expect(repeatsFact(a, c, topic("hockey league"))).toBe(true);
  });

  it("keeps the first shown of two points telling one fact, the others in their order", () => {
    const a = cand("Dinner With The Varleys opened in cinemas across the country on Friday night.", 3);
    const b = cand(CAREER, 1);
    const c = cand("Critics praised the film's cast for timing the jokes well in every scene.", 0.5);
    const d = cand(SEQUEL, 2);
    const same = (p: Candidate, q: Candidate) => repeatsFact(p, q, topic("Dinner With The Varleys"));
    expect(withoutRepeatedFacts([a, d, c, b], same)).toEqual([a, d, c]);
  });
});

describe("a briefing's points", () => {
  it("tell the sequel once and give the other place to the next fact", async () => {
    const arts = articlesFromRecords([
      {
        id: "film",
        text: `Varleys sequel opens\n\n${SEQUEL} Dinner With The Varleys took $40m in its opening weekend in North America. Dinner With The Varleys was filmed over nine weeks in the port of Haldstad last spring.`,
      },
      {
        id: "actor",
        text: `Olsen returns to comedy\n\nPiet Olsen says comedy is harder work than any drama he has made. ${CAREER} Olsen will next direct a play at the Haldstad Royal Theatre in the autumn.`,
      },
      {
        id: "chart",
        text: "Varleys top the box office\n\nComedy Dinner With The Varleys has held on to the number one spot at the box office for a second week. Dinner With The Varleys pushed the space drama Far Orbit down to second place with $22m. Dinner With The Varleys has now taken $95m in North America.",
      },
    ]);
    const b = await createExtractiveEngine(arts).brief("Dinner With The Varleys");
    const texts = b.points.map((p) => p.text);
    const sequel = texts.filter((t) => /is the sequel to/.test(t));
    expect(sequel).toHaveLength(1);
    expect(texts.length).toBeGreaterThanOrEqual(3);
  });
});
