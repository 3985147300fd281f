import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";

const engine = createExtractiveEngine(loadCorpus("seeds"));

describe("vague follow-ups", () => {
  it("a question with no words of its own asks for more when there is no thread topic", async () => {
    const alone = await engine.ask("How many are there?");
    expect(alone.found).toBe(false);
    expect(alone.answer).toMatch(/more to go on/);
    expect(alone.sources).toEqual([]);
  });

  it("in a thread, the same question is about the thread's topic", async () => {
    const inThread = await engine.ask("How many are there?", { context: "laborers" });
    expect(inThread.found).toBe(true);
    expect(inThread.answer).toMatch(/10,000|thousands/);
  });
});
