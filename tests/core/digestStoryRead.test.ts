/**
 * A digest story's points are chosen from the whole story, not only its latest reports: a story that
 * gathers many follow-ups still says what happened. Generated records; nothing here is keyed to a corpus.
 */
import { describe, expect, it } from "vitest";
import { type ArticleRecord, articlesFromRecords } from "../../src/corpus/load.ts";
import { STORY_READ, storiesOf } from "../../src/engine/digest.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { CorpusIndex } from "../../src/search/index.ts";

const TOWNS = [
  "Arnby",
  "Belcourt",
  "Corrin",
  "Dunmere",
  "Elston",
  "Farrow",
  "Glenholt",
  "Hessle",
  "Ibstock",
  "Jarrow",
];
const GIFTS = [
  "blankets",
  "bread",
  "water",
  "boots",
  "lanterns",
  "soup",
  "tents",
  "coats",
  "medicine",
  "radios",
];
const OTHER = ["harbour", "orchestra", "glacier", "vineyard", "railway", "library", "marathon", "museum"];

/** Four first reports of a dam breach, then ten follow-ups on the recovery (in order of arrival). */
function damRecords(): ArticleRecord[] {
  const out: ArticleRecord[] = [];
  for (let k = 0; k < 4; k++)
    out.push({
      id: `breach-${k}`,
      text: [
        "Harlow Dam breach floods the Vessin valley",
        "The Harlow Dam in Vessin burst on Monday, flooding 300 homes in the valley below.",
        `Engineer Mara Quill of the Vessin water board said the spillway of the Harlow Dam had failed after ${k + 3} days of rain.`,
      ].join("\n\n"),
    });
  TOWNS.forEach((town, k) => {
    out.push({
      id: `recovery-${k}`,
      text: [
        `Vessin valley recovery goes on after the Harlow Dam breach, day ${k + 2}`,
        `Residents of the Vessin valley returned to their homes on day ${k + 2} after the Harlow Dam breach.`,
        `Volunteers from ${town} brought ${GIFTS[k]} to the shelters in the Vessin valley.`,
      ].join("\n\n"),
    });
  });
  // Other news, so that the story's words are distinctive within the corpus.
  OTHER.forEach((thing, i) => {
    for (let k = 0; k < 3; k++)
      out.push({
        id: `${thing}-${k}`,
        text: `New ${thing} opens in town ${i}\n\nA new ${thing} opened on day ${k} to crowds of visitors. The ${thing} was built over ${k + 2} years by local workers.`,
      });
  });
  return out;
}

describe("a digest story is summed up from all its articles", () => {
  it("reads every article of a story of fourteen, the first reports among them", () => {
    const index = new CorpusIndex(articlesFromRecords(damRecords()));
    const ids = (as: number[]) => as.map((a) => index.articles[a]!.id);
    const pool = index.articles.map((_, i) => i).reverse();
    const dam = storiesOf(index, pool).find((s) => ids(s.members).some((id) => id.startsWith("recovery-")));
    expect(dam).toBeDefined();
    expect(STORY_READ).toBeGreaterThanOrEqual(14);
    expect(ids(dam!.members).sort()).toEqual(
      [...[0, 1, 2, 3].map((k) => `breach-${k}`), ...TOWNS.map((_, k) => `recovery-${k}`)].sort(),
    );
  });

  it("says what happened, from the first reports, when the latest ten are follow-ups", async () => {
    const d = await createExtractiveEngine(articlesFromRecords(damRecords())).digest();
    const dam = d.stories.find((s) =>
      s.points.some((p) => p.sources.some((id) => id.startsWith("recovery-"))),
    );
    expect(dam).toBeDefined();
    expect(dam!.points.some((p) => p.sources.some((id) => id.startsWith("breach-")))).toBe(true);
  });
});
