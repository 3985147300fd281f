/**
 * A page control's word run into an article's first sentence ("Close the …", "Photo the …", "Article
 * the …", a video player's "Skip in skip x embed x share …") is no part of the sentence: the index reads
 * and a reply shows the sentence without it. Made-up sentences.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { withoutLeadingFurniture, withoutLeadingLabels } from "../../src/text/furniture.ts";

describe("a page control's word before the first sentence", () => {
  it("is dropped when a determiner, pronoun or preposition follows it", () => {
    expect(
      withoutLeadingLabels("Close the county board voted on Tuesday to close two rural schools next year."),
    ).toBe("The county board voted on Tuesday to close two rural schools next year.");
    expect(
      withoutLeadingLabels("Photo in recent days the harbour master has turned away three cruise ships."),
    ).toBe("In recent days the harbour master has turned away three cruise ships.");
    expect(
      withoutLeadingFurniture("Article the city council debate starts tonight after weeks of delay."),
    ).toBe("The city council debate starts tonight after weeks of delay.");
    expect(
      withoutLeadingLabels(
        "Skip in skip x embed x share a ferry ran aground near the island on Sunday morning.",
      ),
    ).toBe("A ferry ran aground near the island on Sunday morning.");
  });

  it("is the sentence's own word otherwise", () => {
    for (const t of [
      "Close to 100 people were hurt when the stand collapsed on Saturday night.",
      "Close friends of the couple said they had planned to marry in June.",
      "Article 50 was triggered by the prime minister on Wednesday afternoon.",
      "Photographers waited outside the court for the verdict on Monday.",
    ])
      expect(withoutLeadingLabels(t)).toBe(t);
  });

  it("is not in a briefing's point", async () => {
    const engine = createExtractiveEngine(
      articlesFromRecords([
        {
          id: "ferry",
          title: "Ferry runs aground near island",
          text: "Close the island ferry ran aground on a sandbank on Sunday morning with 80 passengers aboard. Coastguard boats took the passengers ashore within two hours. The ferry company said the vessel would be towed to port for inspection.",
        },
      ]),
    );
    const b = await engine.brief("ferry aground");
    expect(b.points.map((p) => p.text).join(" ")).not.toMatch(/\bClose the\b/);
    expect(b.points.some((p) => /island ferry ran aground/i.test(p.text))).toBe(true);
  });
});
