/** The engine in worker threads answers exactly as the engine in-process, and honours aborts and close. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../app/engine/create.ts";
import { createEnginePool, type EnginePool } from "../../app/engine/pool.ts";

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
