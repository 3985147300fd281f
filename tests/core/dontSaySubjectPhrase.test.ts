/**
 * "The articles don't say …" moves "did" onto the verb after the whole subject: a plural possessive's
 * noun ("the dockers' strike") and a preposition's phrase ("the strike in Quarvel", "the prices of oil")
 * are the subject's, never the verb ("the dockers' struck", "the strike inned Quarvel"). Made-up text.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { embeddedQuestion } from "../../src/engine/questions.ts";

describe("the verb after a subject with a possessive or a preposition's phrase", () => {
  it("puts did's tense on the verb, not on a word of the subject", () => {
    expect(embeddedQuestion("When did the dockers' strike in Quarvel end?")).toBe(
      "when the dockers' strike in Quarvel ended",
    );
    expect(embeddedQuestion("When did the strike in Quarvel end?")).toBe("when the strike in Quarvel ended");
    expect(embeddedQuestion("When did the prices of oil fall?")).toBe("when the prices of oil fell");
    expect(embeddedQuestion("Why did the players' union reject the deal?")).toBe(
      "why the players' union rejected the deal",
    );
  });

  it("leaves a subject without such words as it was (controls)", () => {
    expect(embeddedQuestion("When did the workers' strike end?")).toBe("when the workers' strike ended");
    expect(embeddedQuestion("How long did the miners' strike last?")).toBe(
      "how long the miners' strike lasted",
    );
    expect(embeddedQuestion("When did the strike end?")).toBe("when the strike ended");
  });

  it("says so in the reply", async () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "port",
          text: "Quarvel port\n\nThe dockers in Quarvel are on strike over pay, and the port owners have made an offer.",
        },
      ]),
    );
    const a = await engine.ask("When did the dockers' strike in Quarvel end?");
    expect(a.found).toBe(false);
    expect(a.answer).toBe("The articles don't say when the dockers' strike in Quarvel ended.");
  });
});
