/**
 * A digest about several topics shows the biggest story of each topic asked, not only the biggest
 * stories overall (all one topic's when its stories are bigger): "harbour, glacier" over seven harbour
 * stories of three reports each and one glacier story of two (src/engine/digest.ts eachTopicFirst).
 */
import { describe, expect, it } from "vitest";
import { type ArticleRecord, articlesFromRecords } from "../../src/corpus/load.ts";
import { eachTopicFirst } from "../../src/engine/digest.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";

const PORTS = ["Quarvel", "Tellimor", "Brastow", "Ondrick", "Pelmouth", "Sarvik", "Umberleigh"];
const THINGS = [
  ["dockers", "strike", "wages"],
  ["ferry", "collision", "inquiry"],
  ["cranes", "automation", "jobs"],
  ["dredging", "channel", "silt"],
  ["cruise", "terminal", "tourists"],
  ["fishing", "quotas", "trawlers"],
  ["container", "backlog", "lorries"],
];

function harbourReport(p: number, k: number): ArticleRecord {
  const port = PORTS[p]!;
  const [a, b, c] = THINGS[p]!;
  return {
    id: `harbour-${p}-${k}`,
    text:
      `${port} harbour ${a} ${b} report ${k}\n\n` +
      `The ${a} at ${port} harbour faced a ${b} over ${c}, harbour officials said in report ${k}. ` +
      `${port} harbour managers met the ${a} to discuss the ${b} and the ${c}. ` +
      `The ${b} at ${port} harbour is expected to last until the ${c} are settled.`,
  };
}

const glacier = (k: number): ArticleRecord => ({
  id: `glacier-${k}`,
  text:
    `Vintermoor glacier retreats ${k}\n\n` +
    `Scientists measuring the Vintermoor glacier found it had retreated forty metres in survey ${k}. ` +
    "The Vintermoor glacier meltwater has flooded the valley below twice this summer. " +
    "Expedition scientists said the Vintermoor glacier could vanish within a century.",
});

const records = [
  ...PORTS.flatMap((_, p) => [0, 1, 2].map((k) => harbourReport(p, k))),
  glacier(0),
  glacier(1),
];

describe("a digest about several topics", () => {
  it("shows the biggest story of each topic asked", async () => {
    const engine = createExtractiveEngine(articlesFromRecords(records));
    const d = await engine.digest({ topics: ["harbour", "glacier"] });
    const cited = new Set(d.stories.flatMap((s) => s.points.flatMap((p) => p.sources)));
    expect([...cited].some((id) => id.startsWith("glacier-"))).toBe(true);
    expect(d.stories.length).toBe(6);
  });

  it("puts each topic's biggest cluster first, the rest after, and leaves one topic's order alone", () => {
    const clusters = [[1, 2, 3], [4, 5, 6], [7, 8], [9]];
    const harbour = new Set([1, 2, 3, 4, 5, 6, 7, 8]);
    const glacierSet = new Set([9]);
    expect(eachTopicFirst(clusters, [harbour, glacierSet])).toEqual([[1, 2, 3], [9], [4, 5, 6], [7, 8]]);
    expect(eachTopicFirst(clusters, [harbour])).toEqual(clusters);
    // A cluster only one of whose articles matches a topic is not that topic's story.
    expect(eachTopicFirst([[1, 2, 9], [10]], [harbour, new Set([9, 10])])).toEqual([[1, 2, 9], [10]]);
  });
});
