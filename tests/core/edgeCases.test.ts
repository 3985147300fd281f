/**
 * Engine edge cases (issue 11): equal amounts in different units are no disagreement, a question that
 * shares words with the corpus but is not answered by it gets "don't say", and "Read more: <headline>"
 * lines never become points. Each has a positive control so the check itself is shown to work.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";

const dam = (cost: string, other: string) =>
  articlesFromRecords([
    {
      id: "a",
      title: "Dam plan approved",
      text: `The regional council approved the new river dam on Tuesday after a long debate.\n\nThe dam will cost ${cost} and take five years to build.\n\nFarmers downstream welcomed the decision.`,
    },
    {
      id: "b",
      title: "Council backs dam",
      text: `The regional council approved the new river dam on Tuesday, after a long debate.\n\nOfficials expect the dam to cost ${other}.\n\nEnvironmental groups said they would appeal against the dam in court.`,
    },
  ]);

describe("engine edge cases", () => {
  it("equal amounts in different units are no disagreement (a different amount is)", async () => {
    const same = await createExtractiveEngine(dam("2.5 billion euros", "2,500 million euros")).brief("dam");
    expect(same.found).toBe(true);
    expect(same.disagreements.filter((d) => /euro|cost/i.test(d.about + JSON.stringify(d.claims)))).toEqual(
      [],
    );
    const differ = await createExtractiveEngine(dam("2.5 billion euros", "3.1 billion euros")).brief("dam");
    expect(differ.disagreements.some((d) => /euro/i.test(JSON.stringify(d.claims)))).toBe(true);
  });

  it("a question sharing words with the corpus but not answered by it gets 'don't say'", async () => {
    const e = createExtractiveEngine(dam("300 million euros", "300 million euros"));
    const unanswered = await e.ask("How much will the new football stadium cost the council?");
    expect(unanswered.found).toBe(false);
    expect(unanswered.answer).toMatch(/don't say/);
    expect(unanswered.points).toEqual([]);
    const answered = await e.ask("How much will the dam cost?");
    expect(answered.found).toBe(true);
    expect(answered.points.map((p) => p.text).join(" ")).toMatch(/300 million euros/);
  });

  it("a 'Read more: <headline>' line never becomes a point", async () => {
    const arts = articlesFromRecords([
      {
        id: "r",
        title: "Harbour reopens",
        text: "The harbour reopened to ferries on Friday after storm repairs.\n\nRead more: Harbour repairs to cost ferry operators millions\n\nFerry operators said bookings for the harbour route were already full.",
      },
    ]);
    const b = await createExtractiveEngine(arts).brief("harbour");
    expect(b.found).toBe(true);
    expect(b.points.length).toBeGreaterThan(0);
    for (const p of b.points) expect(p.text).not.toMatch(/read more|repairs to cost ferry operators/i);
    expect(arts[0]!.paragraphs.join(" ")).not.toMatch(/read more/i);
  });

  it("zero-width characters hidden in words are dropped, so the words still match", async () => {
    const arts = articlesFromRecords([
      {
        id: "z",
        title: "Bridge closed",
        text: "The old\u200b bridge was closed to traffic on Monday.\n\nEngineers found cracks in the bri\u200cdge's\ufeff main arch.\n\nThe bridge\u200d will stay shut for a month.",
      },
    ]);
    const text = arts[0]!.paragraphs.join(" ");
    expect(text).not.toMatch(/[\u200b-\u200d\ufeff]/);
    const b = await createExtractiveEngine(arts).brief("bridge");
    expect(b.found).toBe(true);
    expect(b.points.length).toBeGreaterThanOrEqual(2);
  });
});
