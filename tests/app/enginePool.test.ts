/** The engine in worker threads answers exactly as the engine in-process, and honours aborts and close. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, createExtractiveFromConfig } from "../../app/engine/create.ts";
import { createEnginePool, type EnginePool } from "../../app/engine/pool.ts";
import { articleFromRecord } from "../../src/corpus/load.ts";

const local = createEngine({ corpusDir: "seeds" });
let pool: EnginePool;

beforeAll(async () => {
  pool = await createEnginePool({ config: { corpusDir: "seeds", logLevel: "silent" }, size: 2 });
});
afterAll(async () => {
  await pool.close();
});

describe("engine pool (worker threads)", () => {
  it("gives the same briefings, answers, digests and topic suggestions as the engine in-process", async () => {
    const topics = ["laborers", "sanctions", "Vladivostok", "zzzz-nothing"];
    const pooled = await Promise.all(topics.map((t) => pool.brief(t)));
    for (const [i, t] of topics.entries()) expect(pooled[i]).toEqual(await local.brief(t));
    expect(pooled[0]?.found).toBe(true);
    expect(pooled[3]?.found).toBe(false);

    const q = "How many workers are in Russia?";
    expect(await pool.ask(q, { context: "laborers", history: ["who met?"] })).toEqual(
      await local.ask(q, { context: "laborers", history: ["who met?"] }),
    );
    const since = new Date("2000-01-01T00:00:00Z");
    expect(await pool.digest({ since, topics: ["summit"] })).toEqual(
      await local.digest({ since, topics: ["summit"] }),
    );
    expect(pool.suggestTopics("", 5)).toEqual(local.suggestTopics("", 5));
    expect(pool.suggestTopics("vla", 3)).toEqual(local.suggestTopics("vla", 3));
  });

  it("rejects at once with the caller's reason when the signal aborts", async () => {
    const aborted = AbortSignal.abort(new DOMException("late", "TimeoutError"));
    await expect(pool.brief("laborers", { signal: aborted })).rejects.toMatchObject({ name: "TimeoutError" });
    const c = new AbortController();
    const p = pool.ask("Who met in Vladivostok?", { signal: c.signal });
    c.abort(new DOMException("gave up", "AbortError"));
    await expect(p).rejects.toMatchObject({ name: "AbortError" });
    // The pool is still fine afterwards.
    expect((await pool.brief("sanctions")).topic).toBe("sanctions");
  });

  it("applies live changes in every thread, before the calls sent after them", async () => {
    const a = articleFromRecord({
      id: "pool-live-quokka",
      title: "Quokka sanctuary opens on Rottnest Island",
      text: "A new quokka sanctuary opened on Rottnest Island on Monday. It will house 300 quokkas rescued after the bushfires.",
    });
    pool.upsert(a);
    // As many calls as threads at once: each thread answers one, each must know the article.
    const briefs = await Promise.all([pool.brief("quokka sanctuary"), pool.brief("quokka sanctuary")]);
    for (const b of briefs) expect(b.sources.map((s) => s.id)).toEqual(["pool-live-quokka"]);
    pool.applyBatch({ upserts: [], removes: ["pool-live-quokka"] });
    const after = await Promise.all([pool.brief("quokka sanctuary"), pool.brief("quokka sanctuary")]);
    for (const b of after) expect(b.found).toBe(false);
  });

  it("shares one index: changes sealed into shared segments reach every thread, answers unchanged", async () => {
    const p = await createEnginePool({
      config: { corpusDir: "seeds", logLevel: "silent" },
      size: 2,
      sealEveryMs: 10,
    });
    try {
      const a = articleFromRecord({
        id: "pool-seal-quokka",
        title: "Quokka census counts record numbers",
        text: "A census counted 12,000 quokkas on Rottnest Island this year, researchers said.",
      });
      p.upsert(a);
      p.remove("pool-nothing");
      await new Promise((r) => setTimeout(r, 300)); // sealed (and sent to the threads) meanwhile
      const briefs = await Promise.all([p.brief("quokka census"), p.brief("quokka census")]);
      for (const b of briefs) expect(b.sources.map((s) => s.id)).toEqual(["pool-seal-quokka"]);
      const local2 = createExtractiveFromConfig({ corpusDir: "seeds" });
      local2.upsert(a);
      for (const t of ["laborers", "sanctions"]) expect(await p.brief(t)).toEqual(await local2.brief(t));
      p.remove("pool-seal-quokka");
      await new Promise((r) => setTimeout(r, 100));
      const after = await Promise.all([p.brief("quokka census"), p.brief("quokka census")]);
      for (const b of after) expect(b.found).toBe(false);
    } finally {
      await p.close();
    }
  });

  it("a pool started over an empty folder suggests the topics of the articles the store then applies", async () => {
    const empty = mkdtempSync(join(tmpdir(), "summit-pool-empty-"));
    const p = await createEnginePool({ config: { corpusDir: empty, logLevel: "silent" }, size: 2 });
    try {
      expect(p.suggestTopics("", 10)).toEqual([]);
      // What the server's follower does after start: the store's articles arrive as one batch.
      const local3 = createExtractiveFromConfig({ corpusDir: "seeds" });
      p.applyBatch({ upserts: [...local3.index.articles], removes: [] });
      const want = local3.suggestTopics("", 5);
      expect(want.length).toBeGreaterThan(0);
      let got: string[] = [];
      for (let i = 0; i < 100 && got.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        got = p.suggestTopics("", 5);
      }
      expect(got).toEqual(want);
    } finally {
      await p.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("refuses calls once closed", async () => {
    const p = await createEnginePool({ config: { corpusDir: "seeds", logLevel: "silent" }, size: 1 });
    await p.close();
    await expect(p.brief("laborers")).rejects.toThrow(/closed/);
  });

  it("fails to start, with the reason, when the corpus cannot be loaded", async () => {
    await expect(
      createEnginePool({ config: { corpusDir: "/nonexistent-summit-corpus", logLevel: "silent" }, size: 1 }),
    ).rejects.toThrow(/corpus folder not found: \/nonexistent-summit-corpus/);
  });
});
