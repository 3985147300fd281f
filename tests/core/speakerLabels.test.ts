/**
 * A transcript's speaker label opening a sentence (one word and a colon: a pronoun, "Him:", "me:", or
 * an interview's "Q:" or "A:"): whose line it is and what it answers is in the lines around it, so
 * no point opens on one, and a quotation is not completed with a transcript's line (points.ts
 * completeQuotes). Made-up text.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { completeQuotes, readability } from "../../src/engine/points.ts";
import { opensOnSpeakerLabel } from "../../src/text/furniture.ts";

describe("a transcript's speaker label", () => {
  it("is no point's opening", () => {
    for (const s of [
      'Her: "we never serve that because the ice spoils the beans."',
      "Me: so you will not make the drink for a paying customer today?",
      "Q: How many ferries will run on the northern route this winter?",
      "A: Four ferries will run on the northern route until the spring.",
    ]) {
      expect(opensOnSpeakerLabel(s), s).toBe(true);
      expect(readability(s), s).toBe(0);
    }
  });

  it("leaves sentences with a colon after other words", () => {
    for (const s of [
      "Riverton: the council voted to close the old pier on the harbour front.",
      "Here is what the mayor said: the pier will close for the whole winter.",
      "Herbert: a life in the harbour is the title of the new museum show.",
      "US: eight gold, ten silver and seven bronze medals, for a total of 25.",
      "O: A Harbour Novel is the new book by the Riverton writer Ann Lee.",
    ]) {
      expect(opensOnSpeakerLabel(s), s).toBe(false);
      expect(readability(s), s).toBeGreaterThan(0);
    }
  });

  it("is not taken in to complete a quotation, at its start or inside", () => {
    const arts = articlesFromRecords([
      {
        id: "t",
        text: 'Harbor cafe\n\nriverton -- a barista at the harbor cafe refused to make a cold drink for a customer who ordered one. Her: " we never serve that because the ice spoils the beans . We roast the finest beans in the whole town and ice would ruin them . " the cafe owner said the rule would stay.',
      },
    ]);
    const engine = createExtractiveEngine(arts);
    const s = engine.index.sentences(0).find((x) => x.text.startsWith("We roast"))!;
    expect(s).toBeDefined();
    const c = { text: s.text, stems: s.stems, articles: [0], score: 1, position: 0.5 };
    const done = completeQuotes(engine.index, [c]).map((x) => x.text);
    // Neither opening on the label nor with the sentence before it ("riverton -- a barista … Her: " …").
    expect(done.filter((t) => t.includes("Her:"))).toEqual([]);
  });
});
