/**
 * The live corpus: upserts and removals applied one by one give the same retrieval as an engine built
 * from scratch over the resulting articles, and nothing removed or replaced is ever cited again.
 */
import { describe, expect, it } from "vitest";
import { articleFromRecord, loadCorpus } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import type { Article } from "../../src/model.ts";
import { InvertedIndex } from "../../src/search/inverted.ts";

const seeds = loadCorpus("seeds");

function article(id: string, title: string, body: string): Article {
  return articleFromRecord({ id, title, text: `${title}\n\n${body}` }, "2026-01-02T00:00:00.000Z");
}

const quokka = article(
  "live-quokka",
  "Quokka sanctuary opens on Rottnest Island",
  "A new quokka sanctuary opened on Rottnest Island on Monday, officials said. The sanctuary will house 300 quokkas rescued after the bushfires. Rangers said the quokka population had fallen by a third since 2019.",
);
const quokka2 = article(
  "live-quokka",
  "Quokka sanctuary delayed on Rottnest Island",
  "The quokka sanctuary on Rottnest Island will open in March instead, officials said. Builders found the site flooded after heavy rain. The rangers said 120 quokkas are waiting for the move.",
);
const other = article(
  "live-other",
  "Quokka census counts record numbers",
  "A census of quokkas on Rottnest Island counted a record 12,000 animals this year, researchers said. The census used drones for the first time.",
);

const citedIds = (b: { sources: { id: string }[] }) => b.sources.map((s) => s.id).sort();

describe("live corpus (LiveCorpus on the extractive engine)", () => {
  it("finds an upserted article at once, the replacement only after an update, nothing after removal", async () => {
    const engine = createExtractiveEngine(seeds);
    expect((await engine.brief("quokka sanctuary")).found).toBe(false);

    engine.upsert(quokka);
    const b1 = await engine.brief("quokka sanctuary");
    expect(b1.found).toBe(true);
    expect(citedIds(b1)).toEqual(["live-quokka"]);
    expect(b1.points.map((p) => p.text).join(" ")).toMatch(/300 quokkas/);

    engine.upsert(quokka2);
    const b2 = await engine.brief("quokka sanctuary");
    const text2 = b2.points.map((p) => p.text).join(" ");
    expect(text2).toMatch(/March|flooded|120 quokkas/);
    expect(text2).not.toMatch(/300 quokkas/);
    expect(engine.index.size).toBe(seeds.length + 1);

    engine.applyBatch({ upserts: [other], removes: ["live-quokka", "no-such-id"] });
    const b3 = await engine.brief("quokka");
    expect(citedIds(b3)).toEqual(["live-other"]);
    engine.remove("live-other");
    engine.remove("live-other");
    expect((await engine.brief("quokka")).found).toBe(false);
    expect(engine.index.size).toBe(seeds.length);
    // Digests skip removed articles too.
    const d = await engine.digest({ since: new Date("2000-01-01T00:00:00Z") });
    expect(d.sources.map((s) => s.id)).not.toContain("live-quokka");
  });

  it("answers as an engine rebuilt from scratch over the same articles", async () => {
    const half = Math.ceil(seeds.length / 2);
    const live = createExtractiveEngine(seeds.slice(0, half));
    for (const a of seeds.slice(half)) live.upsert(a);
    live.upsert(quokka);
    live.remove(seeds[1]!.id);
    const updated = { ...seeds[2]!, title: `${seeds[2]!.title} (updated)` };
    live.upsert(updated);
    // The same articles in the same order: the removed one gone, the updated one last.
    const final = [...seeds.filter((_, i) => i !== 1 && i !== 2), quokka, updated];
    expect(live.articles.filter((_, i) => live.index.isLive(i)).map((a) => a.id)).toEqual(
      final.map((a) => a.id),
    );
    const rebuilt = createExtractiveEngine(final);
    for (const t of ["laborers", "sanctions", "quokka", "Vladivostok"]) {
      const a = await live.brief(t);
      const b = await rebuilt.brief(t);
      expect(citedIds(a)).toEqual(citedIds(b));
      expect(a.points.map((p) => p.text).sort()).toEqual(b.points.map((p) => p.text).sort());
    }
    const q = "How many workers are in Russia?";
    expect((await live.ask(q)).answer).toEqual((await rebuilt.ask(q)).answer);
  });
});

describe("InvertedIndex removal", () => {
  it("drops a removed document from results and from document frequencies", () => {
    const idx = new InvertedIndex();
    idx.add(0, ["oil"], ["price", "rise"]);
    idx.add(1, ["oil"], ["price", "fall"]);
    idx.add(2, [], ["weather"]);
    expect(idx.docFreq("oil")).toBe(2);
    idx.remove(0, ["oil"], ["price", "rise"]);
    idx.remove(0, ["oil"], ["price", "rise"]);
    expect(idx.docFreq("oil")).toBe(1);
    expect(idx.docFreq("rise")).toBe(0);
    expect(idx.live).toBe(2);
    expect(idx.search([{ term: "oil", boost: 1 }], 10).map((h) => h.doc)).toEqual([1]);
    idx.add(3, ["oil"], []);
    expect(idx.search([{ term: "oil", boost: 1 }], 10).map((h) => h.doc)).toEqual([3, 1]);
  });
});
