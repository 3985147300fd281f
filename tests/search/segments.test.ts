/**
 * The segmented index: sealed segments, merges and readers on another thread's state answer exactly
 * as the mutable delta does; removed articles never come back.
 */
import { describe, expect, it } from "vitest";
import { articleFromRecord, loadCorpus } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import type { Article } from "../../src/model.ts";
import { CorpusIndex } from "../../src/search/index.ts";

const seeds = loadCorpus("seeds");

function article(id: string, title: string, body: string, addedAt = "2026-01-02T00:00:00.000Z"): Article {
  return articleFromRecord({ id, title, text: `${title}\n\n${body}` }, addedAt);
}

const extra = [
  article(
    "x-1",
    "Quokka sanctuary opens",
    "A quokka sanctuary opened on Rottnest Island. It houses 300 quokkas.",
  ),
  article("x-2", "Steel prices climb", "Steel prices rose for a third month as demand from builders grew."),
  article(
    "x-3",
    "Quokka census",
    "Researchers counted 12,000 quokkas on Rottnest Island this year.",
    "2026-02-01T00:00:00.000Z",
  ),
];

const hits = (idx: CorpusIndex, q: string) =>
  idx.search(idx.concepts(q), { limit: 20 }).map((h) => `${idx.articles[h.index]!.id}:${h.score.toFixed(6)}`);

describe("segmented index", () => {
  it("gives the same briefings, answers and digests once sealed into a segment", async () => {
    const delta = createExtractiveEngine(seeds);
    const sealed = createExtractiveEngine(seeds);
    sealed.index.store.seal();
    expect(sealed.index.store.count).toBe(seeds.length);
    for (const t of ["laborers", "sanctions", "Vladivostok"])
      expect(await sealed.brief(t)).toEqual(await delta.brief(t));
    const q = "How many workers are in Russia?";
    expect(await sealed.ask(q)).toEqual(await delta.ask(q));
    const since = new Date("2000-01-01T00:00:00Z");
    expect(await sealed.digest({ since })).toEqual(await delta.digest({ since }));
  });

  it("keeps removed articles out, and after a merge scores exactly as an index built without them", () => {
    const idx = new CorpusIndex([...seeds, ...extra]);
    idx.store.seal();
    idx.remove("x-1");
    idx.upsert(
      article("x-4", "Quokka ferry", "A new ferry takes visitors to see quokkas on Rottnest Island."),
    );
    idx.store.seal();
    expect(hits(idx, "quokka").map((h) => h.split(":")[0])).not.toContain("x-1");
    expect(idx.isLive(seeds.length)).toBe(false);
    expect(idx.articles[seeds.length]!.paragraphs).toEqual([]);
    idx.store.compact();
    const fresh = new CorpusIndex([...seeds, ...extra.slice(1), idx.articles.at(-1)!]);
    expect(hits(idx, "quokka Rottnest").map((h) => h.split(":")[1])).toEqual(
      hits(fresh, "quokka Rottnest").map((h) => h.split(":")[1]),
    );
    expect(idx.docFreq("quokka")).toBe(fresh.docFreq("quokka"));
    expect(idx.size).toBe(fresh.size);
  });

  it("a reader started from the writer's state follows its changes and adopts its segments", () => {
    const writer = new CorpusIndex(seeds);
    writer.store.seal();
    writer.upsert(extra[0]!);
    const reader = new CorpusIndex(writer.store.state());
    expect(hits(reader, "quokka")).toEqual(hits(writer, "quokka"));
    let adopted = 0;
    writer.store.onSegments = (segments, upTo) => {
      reader.store.adopt(segments, upTo);
      adopted++;
    };
    // The same changes, in the same order, on both sides (as the pool sends them).
    for (const idx of [writer, reader]) {
      idx.applyBatch({ upserts: [extra[1]!, extra[2]!], removes: [seeds[0]!.id] });
      idx.remove("x-1");
    }
    writer.store.seal();
    expect(adopted).toBe(1);
    for (const q of ["quokka", "steel prices", "sanctions laborers"])
      expect(hits(reader, q)).toEqual(hits(writer, q));
    expect(reader.articles[writer.articles.length - 1]!.id).toBe("x-3");
    expect(reader.addedAtMs(writer.articles.length - 1)).toBe(Date.parse("2026-02-01T00:00:00.000Z"));
    expect(reader.isLive(0)).toBe(false);
    writer.store.compact();
    expect(hits(reader, "quokka")).toEqual(hits(writer, "quokka"));
    expect(reader.size).toBe(writer.size);
  });
});

describe("segmented index, loaded in bulk", () => {
  /** Small distinct articles, enough for six sealed segments (one merge). */
  function* many(n: number): Generator<Article> {
    const words = ["harbour", "ferry", "quokka", "steel", "tariff", "election", "flood", "vaccine"];
    for (let i = 0; i < n; i++) {
      const a = words[i % words.length]!;
      const b = words[(i * 7 + 3) % words.length]!;
      yield article(`bulk-${i}`, `${a} report ${i}`, `The ${a} story met the ${b} story in town ${i % 97}.`);
    }
  }

  it("ends merged (no merge left for later) and ranks as the same articles added one by one", () => {
    const n = 6 * 4096 + 100;
    const bulk = new CorpusIndex(many(n));
    const segments = () => (bulk.store.state().segments as unknown[]).length;
    // Six sealed segments were merged while loading; the last 100 articles wait in the delta.
    expect(segments()).toBe(1);
    expect(bulk.store.state().delta.length).toBe(100);
    const live = new CorpusIndex([]);
    for (const a of many(n)) live.upsert(a);
    live.store.compact();
    bulk.store.compact();
    for (const q of ["quokka ferry", "steel tariff town", "flood"])
      expect(hits(bulk, q)).toEqual(hits(live, q));
    expect(bulk.articles[n - 1]!.id).toBe(`bulk-${n - 1}`);
    expect(bulk.articles[5]!.paragraphs).toEqual(live.articles[5]!.paragraphs);
  });
});
