/** A digest shows its six biggest stories that have something to show: a cluster of page clutter gives way. */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { DIGEST_STORIES } from "../../src/engine/digest.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";

const TOPICS = [
  "harbour ferry strike",
  "city library roof repair",
  "mountain rescue volunteers",
  "river flood barrier",
  "school bus drivers pay",
  "airport runway extension",
];

function report(topic: string, i: number) {
  return {
    id: `s${i}`,
    title: `Report on the ${topic}`,
    text: `Officials said the ${topic} would be decided this week. The ${topic} has divided the town council for months. Residents spoke about the ${topic} at a public meeting on Tuesday.`,
  };
}

describe("the stories a digest shows", () => {
  it("skips a story with no point to show and shows the next one", async () => {
    const clutter = {
      id: "clutter",
      title: "Photo gallery",
      text: "Sign up for our newsletter to get the latest photos\n\nBreaking news emails get breaking news alerts and special reports.\n\nClick here to see more photos of the week",
    };
    const d = await createExtractiveEngine(articlesFromRecords([...TOPICS.map(report), clutter])).digest();
    expect(d.stories.length).toBe(DIGEST_STORIES);
    expect(d.stories.map((s) => s.title)).toContain("Report on the harbour ferry strike");
    expect(d.stories.map((s) => s.title)).not.toContain("Photo gallery");
  });

  it("shows no more than six (control)", async () => {
    const more = [...TOPICS, "hospital parking charges", "museum ticket prices"].map(report);
    const d = await createExtractiveEngine(articlesFromRecords(more)).digest();
    expect(d.stories.length).toBe(DIGEST_STORIES);
    expect(d.coverage?.allShown).toBe(false);
  });
});

describe("the evidence an LLM writes a digest from", () => {
  it("skips a story with nothing to quote, as the extractive digest does", () => {
    const clutter = {
      id: "clutter",
      title: "Photo gallery",
      text: "Sign up for our newsletter to get the latest photos\n\nBreaking news emails get breaking news alerts and special reports.\n\nClick here to see more photos of the week",
    };
    const engine = createExtractiveEngine(articlesFromRecords([...TOPICS.map(report), clutter]));
    const cited = new Set(engine.digestEvidence().passages.map((p) => p.sourceId));
    // Every one of the six stories has a passage; the clutter has none.
    for (let i = 0; i < TOPICS.length; i++) expect(cited).toContain(`s${i}`);
    expect(cited).not.toContain("clutter");
  });
});
