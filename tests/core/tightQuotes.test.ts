/**
 * A tokenised copy's spaced straight quotation marks, written tight where a reply shows them
 * (src/text/quotes.ts tightQuotes, applied by src/engine/display.ts). Made-up text.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { tightQuotes } from "../../src/text/quotes.ts";

describe("spaced quotation marks shown tight", () => {
  it("sets an opening mark against the word after it and a closing one against the word before it", () => {
    expect(tightQuotes('" we will rebuild the pier, " the mayor said.')).toBe(
      '"we will rebuild the pier," the mayor said.',
    );
    expect(tightQuotes('the board said it will " review every contract. "')).toBe(
      'the board said it will "review every contract."',
    );
  });

  it("leaves typeset text and quotations that do not close as they are", () => {
    for (const t of [
      'He said "we win." Then "ok".',
      'the mayor said " we will rebuild and',
      "no marks at all",
    ])
      expect(tightQuotes(t)).toBe(t);
  });

  it("shows a tokenised answer's quotation tight", async () => {
    const text =
      "Harbor pier reopens\n\n" +
      "The harbor pier reopened on Monday after a storm closed it for nine weeks, the city said. " +
      '" We will rebuild the pier stronger than before, " mayor Ana Ruiz told reporters at the harbor pier on Monday. ' +
      "Repairs to the harbor pier cost the city about $4 million, and the pier will close again for a week in March.";
    const engine = createExtractiveEngine(articlesFromRecords([{ id: "pier", text }]));
    const a = await engine.ask("What did mayor Ana Ruiz tell reporters?");
    expect(a.answer).toContain('"We will rebuild the pier stronger than before," mayor Ana Ruiz');
    expect(a.points[0]?.text).toContain('"We will rebuild the pier stronger than before," mayor Ana Ruiz');
  });
});
