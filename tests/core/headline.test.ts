import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";

const records = [
  {
    id: "a",
    title: "Harbour town weighs its future",
    text: "About 300 volunteers joined the harbour clean-up on Saturday. The harbour clean-up drew families from across the county, organisers said. Volunteers removed plastic and old nets from the harbour.",
  },
  {
    id: "b",
    title: "Weekend in brief",
    text: "More than 2,000 volunteers joined the harbour clean-up on Saturday, the council said. The harbour clean-up is held every spring. Organisers hope the harbour clean-up will grow next year.",
  },
];

describe("briefing headline", () => {
  it("never states one side of a disputed figure as the headline", async () => {
    const engine = createExtractiveEngine(articlesFromRecords(records));
    const b = await engine.brief("harbour clean-up volunteers");
    expect(b.found).toBe(true);
    expect(b.disagreements.length).toBeGreaterThan(0);
    const disputed = b.disagreements.flatMap((d) => d.claims.map((c) => c.text.replace(/[.!]$/, "")));
    for (const claim of disputed) expect(b.headline.replace(/…$/, "")).not.toBe(claim);
    expect(b.headline).not.toMatch(/300|2,000/);
  });
});
