import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { resplitSelection, scoredSelection } from "../../src/engine/selection/alternatives.ts";
import type { PointSelection } from "../../src/engine/selection/pointSelection.ts";
import type { Article } from "../../src/model.ts";
import { articleHolds } from "./helpers.ts";

const ferry = articlesFromRecords([
  {
    id: "a",
    title: "Ferry strike halts crossings",
    publisher: "Harbour Post",
    text: "Ferry crews walked out on Tuesday, halting every crossing to the islands.\n\nThe union said the crews want a pay rise of eight percent this year.\n\nIsland shops reported empty shelves by the afternoon as deliveries stopped.",
  },
  {
    id: "b",
    title: "Islands cut off as ferry crews strike",
    publisher: "Coast Daily",
    text: "Ferry crews went on strike on Tuesday and no boats sailed to the islands.\n\nThe ferry company said it had offered a pay rise of five percent.\n\nTalks between the union and the company will resume on Friday in the port office.",
  },
  {
    id: "c",
    title: "Library reopens after repairs",
    publisher: "Town News",
    text: "The town library reopened on Monday after six months of roof repairs.\n\nReaders returned to find a new children's corner and longer opening hours.\n\nThe repairs cost the council more than two hundred thousand pounds in all.",
  },
]);

function checkCitations(points: { text: string; sources: string[] }[], articles: readonly Article[]) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const p of points) {
    expect(p.sources.length).toBeGreaterThan(0);
    for (const id of p.sources) expect(articleHolds(byId.get(id)!, p.text), `${id} ⊉ ${p.text}`).toBe(true);
  }
}

describe("point selection strategies", () => {
  it("builds briefing and story points from what the engine's PointSelection picks", async () => {
    // The retrieval's weakest candidate only: the engine must cite exactly that and nothing else.
    const seen = { brief: [] as string[], briefOf: 0, stories: [] as string[] };
    const weakest: PointSelection = {
      briefPoints: (_index, _topic, r) => {
        seen.briefOf = r.candidates.length;
        const pick = r.candidates.slice(-1);
        seen.brief = pick.map((c) => c.text);
        return pick;
      },
      storyPoints: (_index, story) => {
        const pick = story.candidates.slice(-1);
        seen.stories.push(...pick.map((c) => c.text));
        return pick;
      },
    };
    const engine = createExtractiveEngine(ferry, { selection: weakest });
    const b = await engine.brief("ferry strike");
    expect(seen.briefOf).toBeGreaterThan(1);
    expect(b.points.map((p) => p.text)).toEqual(seen.brief);
    checkCitations(b.points, ferry);

    const d = await engine.digest();
    expect(d.stories.length).toBeGreaterThan(0);
    expect(d.stories.flatMap((s) => s.points.map((p) => p.text))).toEqual(seen.stories);
    for (const s of d.stories) checkCitations(s.points, ferry);
  });

  it("keeps the measured alternatives working: cited briefings and digests on the topic", async () => {
    for (const [name, selection] of [
      ["scored", scoredSelection()],
      ["resplit", resplitSelection()],
    ] as const) {
      const engine = createExtractiveEngine(ferry, { selection });
      const b = await engine.brief("ferry strike");
      expect(b.found, name).toBe(true);
      expect(b.points.length, name).toBeGreaterThan(0);
      checkCitations(b.points, ferry);
      const d = await engine.digest();
      expect(d.found, name).toBe(true);
      for (const s of d.stories) checkCitations(s.points, ferry);
    }
  });
});
