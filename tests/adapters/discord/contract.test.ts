/** The shared adapter contract on the seed corpus with the real engine, over both Discord transports. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../../app/engine/create.ts";
import { runAdapterContract } from "../contract/cases.ts";
import { type DiscordHarness, startDiscordDriver } from "./driver.ts";

const engine = createEngine({ corpusDir: "seeds" });

runAdapterContract("discord (gateway)", () => startDiscordDriver({ mode: "gateway", engine }), { engine });
runAdapterContract("discord (http interactions)", () => startDiscordDriver({ mode: "http", engine }), {
  engine,
});

describe("discord on the seed corpus", () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordDriver({ mode: "http", engine });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("autocompletes /summit topic: with topics the corpus covers", async () => {
    const known = engine.suggestTopics("", 5);
    expect(known.length).toBeGreaterThan(0);
    const typed = known[0]!.slice(0, 3);
    const interaction = h.fake.slashCommand("summit", [{ name: "topic", value: typed, focused: true }], true);
    const { response } = await h.deliver(interaction);
    const choices = (response as { data: { choices: { name: string; value: string }[] } }).data.choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain(known[0]);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it("a briefing on the seeds has the embed parts: citations, sources with links, freshness footer", async () => {
    const [topic] = engine.suggestTopics("", 1);
    const replies = await h.slash(topic!);
    const embeds = replies.flatMap(
      (r) => (r.raw as { embeds: { fields?: { name: string }[]; footer?: { text: string } }[] }).embeds,
    );
    expect(embeds.flatMap((e) => e.fields ?? []).map((f) => f.name)).toContain("Sources");
    const { asOf, engine: writer } = await engine.brief(topic!);
    expect(embeds.at(-1)!.footer!.text).toContain(writer);
    // The seeds are dated, so the footer must say how fresh the briefing is.
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(embeds.at(-1)!.footer!.text).toContain(`Articles up to ${asOf}`);
    for (const r of replies) expect(h.limitViolations(r)).toEqual([]);
  });
});
