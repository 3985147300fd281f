/**
 * A capitalised word opening a sentence is a name for "who" only when nothing says it is a common
 * word: the articles write it in lower case elsewhere, or WordNet knows it only as a common word
 * ("Additionally", "Close") and the articles never write it capitalised mid-sentence. Text that writes
 * everything in lower case but a sentence's first word gives that capital no weight. Made-up records.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";

const ask = (text: string, q: string) =>
  createExtractiveEngine(articlesFromRecords([{ id: "mill", text: `Mill fire\n\n${text}` }])).ask(q);

describe("sentence-opening common words are not names", () => {
  it("a sentence opening on 'Additionally,' or 'Close' gives way to one naming a person", async () => {
    for (const text of [
      "Additionally, the old mill fire near the river was started on purpose, officials said. Police later charged Tomas Brenn with arson at the mill.",
      "Police later charged Tomas Brenn with arson at the mill. Close friends said the old mill fire near the river was started on purpose.",
    ]) {
      const a = await ask(text, "Who started the old mill fire near the river?");
      expect(a.answer).toBe("Police later charged Tomas Brenn with arson at the mill.");
    }
  });

  it("control: a name in the same place still leads ('Obama', 'Smith'; 'Musk', written mid-sentence too)", async () => {
    for (const name of ["Obama", "Smith", "Musk"]) {
      const a = await ask(
        "Police later charged Tomas Brenn with arson at the mill. " +
          `${name} said the old mill fire near the river was started on purpose. Elon Musk visited the town.`,
        "Who started the old mill fire near the river?",
      );
      expect(a.answer).toMatch(new RegExp(`^${name} said`));
    }
  });
});
