/**
 * Memory given back once an engine is idle (app/engine/memory.ts): one release per quiet spell, never
 * while requests keep coming, and the wrapped engine behaves exactly as the engine.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it, vi } from "vitest";
import { idleRelease, releasingWhenIdle } from "../../app/engine/memory.ts";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";

describe("idle release", () => {
  it("releases once after the engine goes quiet, not while requests keep coming", () => {
    // Fake timers: with real ones a loaded machine can stall a 25 ms sleep past the 60 ms countdown
    // (a release "while requests keep coming" that the code did not make).
    vi.useFakeTimers();
    try {
      let released = 0;
      const idle = idleRelease({ idleMs: 60, release: () => released++ });
      idle.touch();
      for (let i = 0; i < 4; i++) {
        vi.advanceTimersByTime(50);
        idle.touch();
      }
      expect(released).toBe(0);
      vi.advanceTimersByTime(59);
      expect(released).toBe(0);
      vi.advanceTimersByTime(1);
      expect(released).toBe(1);
      vi.advanceTimersByTime(500);
      expect(released).toBe(1);
      idle.touch();
      idle.close();
      idle.close();
      vi.advanceTimersByTime(500);
      expect(released).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("wraps an engine without changing what it answers; its requests start the countdown", async () => {
    const arts = articlesFromRecords([
      {
        id: "a",
        text: "Harbour ferries delayed\n\nFerries at Varnholm harbour were delayed for a third day on Monday after a storm.",
      },
    ]);
    const engine = createExtractiveEngine(arts);
    let released = 0;
    const wrapped = releasingWhenIdle(engine, idleRelease({ idleMs: 30, release: () => released++ }));
    expect(await wrapped.brief("harbour ferries")).toEqual(await engine.brief("harbour ferries"));
    expect(wrapped.suggestTopics("harb")).toEqual(engine.suggestTopics("harb"));
    expect(wrapped.index).toBe(engine.index);
    await sleep(80);
    expect(released).toBe(1);
  });
});
