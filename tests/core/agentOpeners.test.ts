/**
 * A briefing point that opens on a nameless organisation or person ("The company said …") is given the
 * sentence before it when that names someone, or left out. Generated records.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { unexplainedAgent, unexplainedOpener } from "../../src/engine/points.ts";
import { articleHolds } from "./helpers.ts";

describe("points opening on a nameless organisation or person", () => {
  it("tells them from descriptions a reader needs no name for", () => {
    expect(unexplainedAgent("The company said sales had doubled.", 2)).toBe(true);
    expect(unexplainedAgent("The company is also offering to buy homes.", 2)).toBe(true);
    expect(unexplainedAgent("The 21-year-old prop is the only new player.", 2)).toBe(true);
    expect(unexplainedAgent("The Italian club has signed him.", 2)).toBe(true);
    expect(unexplainedAgent("The government has announced plans.", 2)).toBe(false);
    expect(unexplainedAgent("The economy grew by 3%.", 2)).toBe(false);
    expect(unexplainedAgent("The Bank of Narnia said rates would stay.", 2)).toBe(false);
    // A lead introduces its subject under the title.
    expect(unexplainedAgent("The company said sales had doubled.", 0)).toBe(false);
  });

  it("gives them the sentence naming the company, or leaves them out of a briefing", async () => {
    const arts = articlesFromRecords([
      {
        id: "a",
        text: "Kestrel Foods raises forecast\n\nKestrel Foods raised its profit forecast on Monday. Kestrel Foods chief Mara Lind praised staff for a strong year. The company said its frozen meal factories would double output.",
      },
      {
        id: "b",
        text: "Frozen food demand grows\n\nDemand for frozen food grew across the region last year. Prices of frozen meals rose 3% over the year. The firm said frozen meal factories in the north were running at full capacity.",
      },
      {
        id: "c",
        text: "Frozen meal factories expand\n\nFrozen meal factories in Varnholm expanded last year. Frozen meal exports from Varnholm rose sharply in the spring.",
      },
    ]);
    const b = await createExtractiveEngine(arts).brief("frozen meal factories");
    expect(b.found).toBe(true);
    for (const p of b.points) {
      expect(unexplainedAgent(p.text, 1)).toBe(false);
      expect(unexplainedOpener(p.text, 1)).not.toBe("pronoun");
      for (const id of p.sources) expect(articleHolds(arts.find((a) => a.id === id)!, p.text)).toBe(true);
    }
    // The company named in the sentence before: given it. "The firm" named nowhere before: left out.
    expect(b.points.some((p) => /^Kestrel Foods chief .*\. The company said/.test(p.text))).toBe(true);
    expect(b.points.some((p) => p.text.includes("The firm said"))).toBe(false);
  });
});
