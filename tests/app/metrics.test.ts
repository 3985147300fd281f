import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createMetrics } from "../../app/metrics.ts";
import type { Engine } from "../../src/model.ts";

describe("metrics", () => {
  it("times the engine's briefings and answers by outcome, and passes everything else through", async () => {
    const m = createMetrics({ log: pino({ level: "silent" }), defaultMetrics: false });
    const engine = {
      brief: async (topic: string) => ({ topic }),
      ask: async () => {
        throw new Error("no");
      },
      suggestTopics: () => ["a", "b"],
      digest: async () => ({}),
    } as unknown as Engine;
    const metered = m.meter(engine);
    await metered.brief("x");
    await metered.brief("y");
    await expect(metered.ask("q")).rejects.toThrow("no");
    expect(metered.suggestTopics("", 2)).toEqual(["a", "b"]);
    m.command("slack", "brief", "ok");
    m.poll("failed");
    const text = await m.text();
    expect(text).toMatch(/summit_briefing_duration_seconds_count\{outcome="ok"\} 2/);
    expect(text).toMatch(/summit_answer_duration_seconds_count\{outcome="error"\} 1/);
    expect(text).toMatch(/summit_commands_total\{surface="slack",command="brief",outcome="ok"\} 1/);
    expect(text).toMatch(/summit_source_polls_total\{outcome="failed"\} 1/);
    expect(text).not.toMatch(/summit_changelog_lag_seconds/); // no follower, no made-up lag
    m.followChangeLog(() => ({
      running: true,
      lastId: "1-0",
      behind: 3,
      applied: 1,
      reloads: 1,
      lastLagMs: 250,
      p50LagMs: null,
      p99LagMs: null,
      lastError: null,
    }));
    const after = await m.text();
    expect(after).toMatch(/summit_changelog_lag_seconds 0\.25/);
    expect(after).toMatch(/summit_changelog_entries_behind 3/);
    await m.close();
  });
});
