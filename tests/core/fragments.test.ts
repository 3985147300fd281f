import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { notASentence } from "../../src/engine/fragments.ts";
import { readability } from "../../src/engine/points.ts";

const DEK =
  "As the harbour authority looks to win support after the second round of talks with the unions in March ended with no deal reached and wages untouched.";

describe("readability: fragments and other non-sentences", () => {
  it("excludes a subordinate clause with no main clause (a scraped dek)", () => {
    expect(notASentence(DEK)?.reason).toBe("subordinate clause only");
    expect(readability(DEK)).toBe(0);
    expect(readability("Because the new ferry timetable has become very important to the island.")).toBe(0);
    expect(readability("While the port has won backing from Dover, Calais and Rotterdam.")).toBe(0);
  });

  it("keeps a subordinate clause followed by its main clause, with or without a comma", () => {
    for (const s of [
      "As the talks dragged on, the union called a second strike at the harbour.",
      "Although wages rose in March, dock workers said they would walk out again.",
      "If the harbour authority buys the site it will be the largest deal in years.",
      "When it was launched, the ferry service cost more than the council expected.",
      "As well as the strike, the harbour faces a shortage of cranes this winter.",
      "Because of the strike, ferries to the island were cancelled on Monday.",
    ]) {
      expect(notASentence(s), s).toBeNull();
      expect(readability(s), s).toBeGreaterThan(0.5);
    }
  });

  it("finds a comma-less main clause whose verb is a negative contraction", () => {
    for (const s of [
      "If the harbour authority buys the site ferries probably won't run next winter.",
      "When the strike ends dock workers can’t expect a pay rise this year.",
    ]) {
      expect(notASentence(s), s).toBeNull();
      expect(readability(s), s).toBeGreaterThan(0.5);
    }
    // Control: still no main clause.
    expect(notASentence("If the harbour authority buys the site that won the award.")).not.toBeNull();
  });

  it("only demotes an opening that may be a prepositional phrase, with no comma to tell", () => {
    const s = "After years of talks the harbour authority signed the deal with the unions.";
    expect(notASentence(s)).toEqual({ reason: "subordinate clause only", demote: true });
    expect(readability(s)).toBeGreaterThan(0);
    expect(readability(s)).toBeLessThan(
      readability("After years of talks, the harbour authority signed the deal."),
    );
  });

  it("excludes all-capital lines, verbless captions and short unterminated labels", () => {
    expect(notASentence("DOCK WORKERS WALK OUT AT THE HARBOUR")?.reason).toBe("all capitals");
    expect(readability("DOCK WORKERS WALK OUT AT THE HARBOUR TODAY")).toBe(0);
    expect(notASentence("Replacements: Smith, Jones, Brown, Taylor, Evans, Hughes.")?.reason).toBe("no verb");
    expect(notASentence("The harbour at dawn on Monday.")?.reason).toBe("no verb");
    expect(notASentence("Harbour strike latest")?.reason).toBe("fragment");
    expect(notASentence("Dock workers walked out at the harbour on Monday.")).toBeNull();
    expect(notASentence("It's the biggest strike at the port in thirty years.")).toBeNull();
    expect(notASentence("Networks like these connect the island to the mainland.")).toBeNull();
  });

  it("keeps the dek out of a briefing built from a corpus the test makes", async () => {
    const arts = articlesFromRecords([
      {
        id: "a",
        title: "Harbour strike goes on",
        text: `Harbour strike goes on\n\n${DEK}\n\nDock workers at the harbour walked out again on Monday over wages. The harbour authority said talks with the unions would resume next week. Ferries to the island were cancelled because of the harbour strike.`,
      },
      {
        id: "b",
        title: "Ferries cancelled as harbour strike continues",
        text: `Ferries cancelled as harbour strike continues\n\n${DEK}\n\nThe harbour strike has cancelled every ferry to the island this week. Dock workers at the harbour walked out again on Monday over wages, unions said. The harbour authority is losing money every day of the strike.`,
      },
    ]);
    const b = await createExtractiveEngine(arts).brief("harbour strike");
    expect(b.found).toBe(true);
    expect(b.points.length).toBeGreaterThanOrEqual(3);
    for (const p of b.points) expect(p.text).not.toMatch(/^As the harbour authority looks/);
  });
});
