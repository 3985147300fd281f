/**
 * A point never cuts a quotation in half: a quotation running on past its sentence, or begun before
 * it, is completed from its article or the point is left out. Generated records.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { quotesClosed } from "../../src/text/quotes.ts";
import { articleHolds } from "./helpers.ts";

describe("quotations in points", () => {
  it("tells a closed quotation from one left open or closed without opening", () => {
    expect(quotesClosed('He said "the harbour is full" on Monday.')).toBe(true);
    expect(quotesClosed("“The harbour is full,” she said.")).toBe(true);
    expect(quotesClosed("No quotation at all.")).toBe(true);
    expect(quotesClosed('"The harbour is full and the ferries are late.')).toBe(false);
    expect(quotesClosed('It was a busy week," the harbour master said.')).toBe(false);
    // A quotation run on into a second paragraph opens again: even marks, still not closed.
    expect(quotesClosed('"The harbour is full. "The ferries are late.')).toBe(false);
    expect(quotesClosed("“The harbour is full.")).toBe(false);
  });

  it("completes a quotation from its article, or leaves the point out", async () => {
    const long = Array.from({ length: 70 }, (_, i) => `word${i}`).join(" ");
    const arts = articlesFromRecords([
      {
        id: "a",
        text:
          "Harbour ferries delayed\n\nFerries at Varnholm harbour were delayed for a third day on Monday. " +
          'Harbour master Ilse Brant said: "The harbour ferries cannot sail while the storm lasts. ' +
          'We expect the ferries back on Wednesday," she told reporters. ' +
          "Ferry operators said harbour ferries would run extra crossings later in the week.",
      },
      {
        id: "b",
        text:
          "Storm closes harbour\n\nA storm closed Varnholm harbour to ferries on Monday. " +
          `"The ferries at the harbour will be the last to move, ${long}. ` +
          "Harbour ferries carry most of the island's food. Harbour ferries were cancelled twice last winter.",
      },
    ]);
    const b = await createExtractiveEngine(arts).brief("harbour ferries");
    expect(b.found).toBe(true);
    for (const p of b.points) {
      expect(quotesClosed(p.text)).toBe(true);
      for (const id of p.sources) expect(articleHolds(arts.find((a) => a.id === id)!, p.text)).toBe(true);
    }
    const quoted = b.points.filter((p) => p.text.includes("cannot sail"));
    // Completed with the sentence that closes it, not shown half.
    expect(quoted).toHaveLength(1);
    expect(quoted[0]!.text).toMatch(
      /cannot sail while the storm lasts\. We expect the ferries back on Wednesday," she told reporters\.$/,
    );
    // Too long to complete: left out.
    expect(b.points.some((p) => p.text.includes("will be the last to move"))).toBe(false);
  });
});
