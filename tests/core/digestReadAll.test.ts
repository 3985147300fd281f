/**
 * A digest reads every article in its range (up to DIGEST_READ), so a story is not missed because an
 * even sample stepped over its articles; past its bounds (articles read, clustering work) it thins the
 * sample evenly across the range and its first line says how many were read.
 */
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../scripts/shared.ts";
import { type ArticleRecord, articlesFromRecords } from "../../src/corpus/load.ts";
import { ArticleVectors } from "../../src/engine/cluster.ts";
import { buildDigest, DIGEST_READ, digestRange, evenSample } from "../../src/engine/digest.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { coverageSelection } from "../../src/engine/selection/pointSelection.ts";

/** Made-up stories: each story's articles share its name and words, with varied fillers. */
const STORIES = [
  { name: "Quarvel", things: ["dockers", "harbour", "strike", "wages", "cranes", "ferries"] },
  { name: "Tellimor", things: ["orchestra", "symphony", "concert", "violinist", "premiere", "conductor"] },
  { name: "Brastow", things: ["glacier", "meltwater", "expedition", "ice", "scientists", "valley"] },
];
const FILLERS = ["morning", "evening", "council", "residents", "officials", "statement", "weekend", "region"];

function article(story: (typeof STORIES)[number], k: number, rand: () => number): ArticleRecord {
  const pick = (xs: string[]) => xs[Math.floor(rand() * xs.length)]!;
  const t = story.things;
  const sentences = [
    `${story.name} ${t[0]} and ${t[1]} ${t[2]} news reached the ${pick(FILLERS)} on day ${k}.`,
    `Reports from ${story.name} said the ${t[3]} and the ${t[4]} were discussed by ${pick(FILLERS)} ${pick(FILLERS)}.`,
    `The ${t[5]} of ${story.name} told the ${pick(FILLERS)} that ${t[2]} plans would go ahead this ${pick(FILLERS)}.`,
  ];
  return {
    id: `${story.name.toLowerCase()}-${k}`,
    text: `${story.name} ${t[2]} update ${k}\n\n${sentences.join(" ")}`,
  };
}

/** A small story none of the others' words tell: a flooded copper mine in a made-up town. */
function mineReport(k: number): ArticleRecord {
  return {
    id: `mine-${k}`,
    text:
      `Flooded Vintermoor copper mine pumped dry ${k}\n\n` +
      `Engineers at the Vintermoor copper mine pumped floodwater from the lower shafts on shift ${k}. ` +
      "The Vintermoor mine operator said the flooded galleries would reopen once the pumps had cleared them. " +
      "Miners at Vintermoor waited above ground while engineers checked the pumps and the shaft walls.",
  };
}

describe("which articles a digest reads", () => {
  it("reads every article of a range larger than the old 400, so a small story between sampled ones is found", async () => {
    // 700 articles in order of arrival (undated: file order). An even sample of 400 across them (what
    // a digest read before) steps over some positions; the mine story's four reports sit at four of those.
    const n = 700;
    const sampled = new Set(evenSample([...Array(n).keys()], 400));
    const skipped = [...Array(n).keys()].filter((i) => !sampled.has(i));
    const minePositions = new Set([skipped[40]!, skipped[120]!, skipped[200]!, skipped[280]!]);
    const rand = seededRandom(5);
    let mine = 0;
    const records = Array.from({ length: n }, (_, i) =>
      minePositions.has(i) ? mineReport(mine++) : article(STORIES[i % STORIES.length]!, i, rand),
    );
    const engine = createExtractiveEngine(articlesFromRecords(records));
    const range = digestRange(engine.index, {});
    expect(range.inRange).toBe(n);
    expect(range.read).toHaveLength(n);
    const d = await engine.digest();
    // Every article read: the first line says how many are in range and nothing of a sample.
    expect(d.summary).toMatch(/^700 articles in the corpus[;,] /);
    expect(d.summary).not.toContain("read evenly");
    expect(d.coverage?.read).toBe(n);
    const mineStory = d.stories.find((s) =>
      s.points.some((p) => p.sources.some((id) => id.startsWith("mine-"))),
    );
    expect(mineStory).toBeDefined();
    expect(mineStory!.title).toMatch(/Vintermoor/);
  }, 60_000);

  it("reads at most its bound of articles, spread evenly across the range, and says so", () => {
    expect(DIGEST_READ).toBeGreaterThanOrEqual(2_225);
    const rand = seededRandom(9);
    const records = Array.from({ length: 30 }, (_, i) => article(STORIES[i % 3]!, i, rand));
    const engine = createExtractiveEngine(articlesFromRecords(records));
    const range = digestRange(engine.index, {}, { read: 10, work: Number.POSITIVE_INFINITY });
    expect(range.inRange).toBe(30);
    // Newest arrival first; the first and last arrivals included.
    expect(range.read).toEqual(evenSample([...Array(30).keys()], 10).reverse());
    const d = buildDigest(
      engine.index,
      coverageSelection(),
      {},
      { read: 10, work: Number.POSITIVE_INFINITY },
    );
    expect(d.summary).toContain("30 articles in the corpus");
    expect(d.summary).toContain("among 10 read evenly across them");
  });

  it("thins the articles read evenly when clustering them would cost more than its work bound", () => {
    // Articles made to share every word (and no name): clustering work grows with the square of them.
    const records = Array.from({ length: 60 }, (_, i) => ({
      id: `same-${i}`,
      text: `Council budget vote ${i}\n\nThe council voted on the budget plan again on day ${i} of the session. The budget plan cuts spending on roads and parks again.`,
    }));
    const engine = createExtractiveEngine(articlesFromRecords(records));
    const vectors = new ArticleVectors(engine.index);
    const all = [...Array(60).keys()];
    const whole = vectors.work(all);
    const bound = Math.floor(whole / 4);
    const range = digestRange(engine.index, {}, { read: 1_000, work: bound });
    expect(range.inRange).toBe(60);
    expect(range.read.length).toBeLessThan(60);
    expect(range.read.length).toBeGreaterThan(10);
    expect(vectors.work(range.read)).toBeLessThanOrEqual(bound);
    // Spread across the range: the first and the last arrival both read.
    expect(range.read).toContain(0);
    expect(range.read).toContain(59);
    const d = buildDigest(engine.index, coverageSelection(), {}, { read: 1_000, work: bound });
    expect(d.summary).toContain(`among ${range.read.length} read evenly across them`);
  });

  it("reads titles through the index, which keeps them and forgets a removed article's", () => {
    const rand = seededRandom(4);
    const engine = createExtractiveEngine(articlesFromRecords([article(STORIES[0]!, 1, rand)]));
    expect(engine.index.title(0)).toBe(engine.index.articles[0]!.title);
    engine.index.remove("quarvel-1");
    expect(engine.index.title(0)).toBe(engine.index.articles[0]!.title);
  });
});
