/**
 * Digests an editor would sign, on generated records and on BBC News read at test time from
 * ../shared/eval (skipped with a message when absent): every article in range is read (a range
 * past the digest's bounds is sampled across, never "the first N"), the summary says how many there are, a
 * story's title comes from what it cites, and one article stored twice is one citation.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { seededRandom, sharedUrl } from "../../scripts/shared.ts";
import { type ArticleRecord, articlesFromRecords } from "../../src/corpus/load.ts";
import { digestRange, evenSample } from "../../src/engine/digest.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { unexplainedOpener, withContext } from "../../src/engine/points.ts";
import type { Digest } from "../../src/model.ts";
import { articleHolds } from "./helpers.ts";

/** Made-up story vocabularies: each story's articles share its words, with varied fillers. */
const STORIES = [
  { name: "Quarvel", things: ["dockers", "harbour", "strike", "wages", "cranes", "ferries"] },
  { name: "Tellimor", things: ["orchestra", "symphony", "concert", "violinist", "premiere", "conductor"] },
  { name: "Brastow", things: ["glacier", "meltwater", "expedition", "ice", "scientists", "valley"] },
];
const FILLERS = ["morning", "evening", "council", "residents", "officials", "statement", "weekend", "region"];

function storyRecords(
  story: (typeof STORIES)[number],
  n: number,
  from: number,
  rand: () => number,
): ArticleRecord[] {
  const pick = (xs: string[]) => xs[Math.floor(rand() * xs.length)]!;
  return Array.from({ length: n }, (_, k) => {
    const t = story.things;
    const sentences = [
      `${story.name} ${t[0]} and ${t[1]} ${t[2]} news reached the ${pick(FILLERS)} on day ${from + k}.`,
      `Reports from ${story.name} said the ${t[3]} and the ${t[4]} were discussed by ${pick(FILLERS)} ${pick(FILLERS)}.`,
      `The ${t[5]} of ${story.name} told the ${pick(FILLERS)} that ${t[2]} plans would go ahead this ${pick(FILLERS)}.`,
    ];
    return {
      id: `${story.name.toLowerCase()}-${from + k}`,
      text: `${story.name} ${t[2]} update ${from + k}\n\n${sentences.join(" ")}`,
    };
  });
}

function citedIds(d: Digest): string[] {
  return d.stories.flatMap((s) => s.points.flatMap((p) => p.sources));
}

describe("which articles a digest reads", () => {
  it("spreads an even sample over the whole range, first and last included", () => {
    const xs = Array.from({ length: 1000 }, (_, i) => i);
    const s = evenSample(xs, 10);
    expect(s).toHaveLength(10);
    expect(s[0]).toBe(0);
    expect(s.at(-1)).toBe(999);
    // Even: no gap more than twice the average.
    const gaps = s.slice(1).map((x, i) => x - s[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2 * Math.ceil(999 / 9));
    expect(evenSample(xs.slice(0, 5), 10)).toEqual([0, 1, 2, 3, 4]);
  });

  it("considers undated articles from the whole file, not the first few hundred", async () => {
    // Arrival order = file order; no dates. The first 600 are one story, the last 100 two others.
    const rand = seededRandom(7);
    const records = [
      ...storyRecords(STORIES[0]!, 600, 0, rand),
      ...storyRecords(STORIES[1]!, 50, 600, rand),
      ...storyRecords(STORIES[2]!, 50, 650, rand),
    ];
    const arts = articlesFromRecords(records);
    const engine = createExtractiveEngine(arts);
    const range = digestRange(engine.index, {});
    expect(range.inRange).toBe(700);
    // All of them read (fewer than DIGEST_READ): the last hundred too.
    expect(range.read).toHaveLength(700);
    const d = await engine.digest();
    expect(d.summary).toMatch(/^700 articles in the corpus/);
    expect(d.summary).not.toContain("read evenly");
    const cited = citedIds(d);
    for (const story of STORIES)
      expect(cited.some((id) => id.startsWith(story.name.toLowerCase()))).toBe(true);
    const byId = new Map(arts.map((a) => [a.id, a]));
    for (const p of d.stories.flatMap((s) => s.points))
      for (const id of p.sources) expect(articleHolds(byId.get(id)!, p.text)).toBe(true);
  });

  it("says 'in N stories' only when every story found is shown", async () => {
    const rand = seededRandom(11);
    const records = [...storyRecords(STORIES[1]!, 3, 0, rand), ...storyRecords(STORIES[2]!, 3, 3, rand)];
    const d = await createExtractiveEngine(articlesFromRecords(records)).digest();
    expect(d.summary).toBe(`6 articles in the corpus, in ${d.stories.length} stories.`);
    expect(d.stories).toHaveLength(2);
  });
});

describe("story titles and citations", () => {
  it("titles a story with an article it cites, and cites one article stored twice once", async () => {
    const rand = seededRandom(3);
    const records = [...storyRecords(STORIES[0]!, 4, 0, rand), ...storyRecords(STORIES[2]!, 4, 4, rand)];
    // The same text twice from one publisher (a folder corpus holding both copies) …
    const copy = { ...records[1]!, id: "copy-of-quarvel-1" };
    // … and the same text from another publisher: a different source, cited separately.
    const other = { ...records[1]!, id: "syndicated-quarvel-1", publisher: "Other Wire" };
    const arts = articlesFromRecords([...records, copy, other]);
    const engine = createExtractiveEngine(arts);
    const d = await engine.digest();
    for (const s of d.stories) {
      const cited = new Set(s.points.flatMap((p) => p.sources));
      const titles = arts.filter((a) => cited.has(a.id)).map((a) => a.title);
      expect(titles).toContain(s.title);
    }
    const ids = new Set(citedIds(d));
    expect(ids.has("quarvel-1") && ids.has("copy-of-quarvel-1")).toBe(false);
    const b = await engine.brief("Quarvel dockers");
    const bIds = new Set(b.points.flatMap((p) => p.sources));
    expect(bIds.has("quarvel-1") && bIds.has("copy-of-quarvel-1")).toBe(false);
    // Each cited once in the source list.
    expect(new Set(b.sources.map((s) => s.id)).size).toBe(b.sources.length);
    const citesCopy = b.points.some(
      (p) => p.sources.includes("quarvel-1") || p.sources.includes("copy-of-quarvel-1"),
    );
    if (citesCopy) expect(bIds.has("syndicated-quarvel-1")).toBe(true);
  });
});

const BBC = fileURLToPath(new URL("eval/bbc_news/bbc_news.jsonl", sharedUrl()));
const present = existsSync(BBC);
if (!present)
  console.warn(`digest quality tests skipped: BBC data not found at ${BBC} (../shared/eval is absent)`);

describe.skipIf(!present)("a digest of the BBC News articles", () => {
  it("covers the whole file, titles stories from what they cite, and cites duplicates once", async () => {
    const bbc = readFileSync(BBC, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; title: string; text: string });
    const arts = articlesFromRecords(
      bbc.map((r) => ({ id: r.id, title: r.title, text: `${r.title}\n\n${r.text}` })),
    );
    const engine = createExtractiveEngine(arts);
    const d = await engine.digest();
    expect(d.summary).toMatch(new RegExp(`^${bbc.length.toLocaleString("en-US")} articles in the corpus`));
    // The file is sorted by section (business first): a fair digest reaches beyond the first.
    const sections = new Set(citedIds(d).map((id) => id.replace(/-\d+$/, "")));
    expect(sections.size).toBeGreaterThanOrEqual(3);
    const byId = new Map(arts.map((a) => [a.id, a]));
    const texts = new Set<string>();
    for (const id of new Set(citedIds(d))) {
      const body = byId.get(id)!.paragraphs.join(" ");
      expect(texts.has(body)).toBe(false);
      texts.add(body);
    }
    for (const s of d.stories) {
      const cited = new Set(s.points.flatMap((p) => p.sources));
      const titles = [...cited].map((id) => byId.get(id)!.title);
      expect(
        titles.includes(s.title) || s.points.some((p) => p.text.startsWith(s.title.replace(/…$/, ""))),
      ).toBe(true);
    }
  }, 60_000);
});

describe("points that open on a reference they don't explain", () => {
  it("tells pronouns and nameless descriptions from subjects that name themselves", () => {
    expect(unexplainedOpener("He said the talks would resume on Monday.", 3)).toBe("pronoun");
    expect(unexplainedOpener("Their offer was rejected by the union.", 3)).toBe("pronoun");
    expect(unexplainedOpener("The Italian midfielder said he was delighted.", 3)).toBe("description");
    expect(unexplainedOpener("The firm said profits had doubled.", 3)).toBe("description");
    // A lead introduces its subject under the title; names and acronyms explain themselves.
    expect(unexplainedOpener("The firm said profits had doubled.", 0)).toBeNull();
    expect(unexplainedOpener("The Bank of Narnia said rates would stay on hold.", 3)).toBeNull();
    expect(unexplainedOpener("The UN refugee agency said camps were full.", 3)).toBeNull();
    expect(unexplainedOpener("The plant, Kestrel One, was closed in May.", 3)).toBeNull();
    expect(unexplainedOpener("Maria Olsen said the talks would resume.", 3)).toBeNull();
  });

  it("gives such a point the sentence before it, or leaves it out", async () => {
    const arts = articlesFromRecords([
      {
        id: "a",
        text: "Olsen wins Varnholm marathon\n\nMaria Olsen won the Varnholm marathon on Sunday in record time. She said the crowd in Varnholm had carried her through the last mile of the marathon.",
      },
      {
        id: "b",
        text: "Varnholm marathon draws crowds\n\nThousands lined the streets of Varnholm for the marathon on Sunday. The organisers of the Varnholm marathon said the race would return next year.",
      },
    ]);
    const b = await createExtractiveEngine(arts).brief("Varnholm marathon");
    expect(b.found).toBe(true);
    for (const p of b.points) {
      expect(unexplainedOpener(p.text, 1)).toBeNull();
      for (const id of p.sources) expect(articleHolds(arts.find((a) => a.id === id)!, p.text)).toBe(true);
    }
    // Directly: alone, the point gets the sentence before it; beside that sentence, it is left out.
    const engine = createExtractiveEngine(arts);
    const cand = (text: string) => {
      const s = engine.index.sentences(0).find((x) => x.text.startsWith(text))!;
      return { text: s.text, stems: s.stems, articles: [0], score: 1, position: s.position };
    };
    const she = cand("She said the crowd");
    const [given] = withContext(engine.index, [she]);
    expect(given!.text).toBe(`Maria Olsen won the Varnholm marathon on Sunday in record time. ${she.text}`);
    expect(articleHolds(arts[0]!, given!.text)).toBe(true);
    const lead = cand("Maria Olsen won");
    expect(withContext(engine.index, [lead, she]).map((c) => c.text)).toEqual([lead.text]);
  });
});
