/**
 * An answer is shown as a briefing shows its points: without the dateline or agency credit before the
 * sentence ("Harbourton (ap) — the ferry board says …" → "The ferry board says …"), in the answer and in
 * its points, still cited. A question asking a place keeps a dateline that holds the place it asks.
 * Made-up text.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";

const ferry = createExtractiveEngine(
  articlesFromRecords([
    {
      id: "f1",
      title: "Ferry board fines operator",
      text:
        "Harbourton (ap) — the ferry board says it fined the island operator $40,000 after a dozen late sailings in March. " +
        "The operator has until Friday to appeal the fine, the board said. " +
        "Passengers had complained about the late sailings for months.",
    },
    {
      id: "f2",
      title: "Island ferries run late again",
      text:
        "Port Elm (reuters) - ferries to the island ran late again on Sunday, a week after the operator was fined. " +
        "The operator blamed a shortage of crew for the late sailings. " +
        "A spokesman said new crew would start work next month.",
    },
  ]),
);

describe("answers without datelines", () => {
  it("drops the dateline before the answer's sentence and its points", async () => {
    const a = await ferry.ask("How much was the ferry operator fined?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("$40,000");
    expect(a.answer).not.toMatch(/harbourton|\(ap\)/i);
    expect(a.answer.startsWith("The ferry board says")).toBe(true);
    for (const p of a.points) expect(p.text, p.text).not.toMatch(/^(?:harbourton|port elm)\b/i);
    expect(a.sources.map((s) => s.id)).toContain("f1");
  });

  it("drops an agency credit even when the question asks who", async () => {
    const a = await ferry.ask("Who did the operator blame for the late ferries on Sunday?");
    for (const p of a.points) expect(p.text, p.text).not.toMatch(/\((?:ap|reuters)\)/i);
  });

  it("keeps a dateline that may hold the place a question asks", async () => {
    const bridge = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "b1",
          title: "Storm shuts bridge",
          text:
            "A storm closed the only bridge to the peninsula for two days this week, officials said. " +
            "Schools stayed shut while the bridge was closed.",
        },
        {
          id: "b2",
          title: "Bridge open again",
          text:
            "Kelso Bay, Ore. — the bridge reopened fully on Friday after engineers checked its supports. " +
            "The storm brought winds of 90 mph to the coast.",
        },
      ]),
    );
    const a = await bridge.ask("In which town did the bridge reopen on Friday?");
    expect(a.answer).toContain("Kelso Bay");
  });
});
