/**
 * `sourcesDiffer: false` (the product's default, app/config.ts): the same made-up reports that give two
 * counts of one thing get no "where sources differ" block and no "Sources differ …" answer; the briefing
 * and the answer are otherwise made as before (the control: on, both appear).
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";

const reports = () =>
  articlesFromRecords([
    {
      id: "gazette",
      title: "Flood relief effort grows",
      text: "Flood relief effort grows\n\nAbout 300 volunteers joined the flood relief effort in Dunmore on Saturday.\n\nThe river peaked overnight.",
    },
    {
      id: "herald",
      title: "Thousands help after Dunmore flood",
      text: "Thousands help after Dunmore flood\n\nMore than 2,000 volunteers joined the flood relief effort in Dunmore, organisers said.\n\nRoads stayed closed.",
    },
  ]);

describe("the sources-differ switch", () => {
  it("on (the engine's default): the answer says the sources differ, the briefing has a block", async () => {
    const e = createExtractiveEngine(reports());
    expect((await e.ask("How many volunteers joined the flood relief effort?")).answer).toMatch(
      /^Sources differ/,
    );
    expect((await e.brief("flood relief volunteers")).disagreements.length).toBeGreaterThan(0);
  });

  it("off: neither says so, and both still answer from the reports", async () => {
    const e = createExtractiveEngine(reports(), { sourcesDiffer: false });
    const a = await e.ask("How many volunteers joined the flood relief effort?");
    expect(a.found).toBe(true);
    expect(a.answer).not.toMatch(/Sources differ/);
    expect(a.answer).toMatch(/volunteers/);
    const b = await e.brief("flood relief volunteers");
    expect(b.found).toBe(true);
    expect(b.disagreements).toEqual([]);
    expect(b.points.length).toBeGreaterThan(0);
  });
});
