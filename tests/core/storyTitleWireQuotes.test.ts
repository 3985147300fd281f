/**
 * Story titles over wire copy, whose quotations open with `` and close with '': a point is split into
 * sentences after a closing '' and never inside a quotation; a later text opening on a quotation heads
 * in place of the main one only when no report after it reads; a clause of contrast (", but …") is cut
 * only when nothing else shortens the sentence; a pronoun after "The last time <name> …" is explained.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { compactHeadline, headlineFrom } from "../../src/engine/headlines.ts";
import { unexplainedOpener } from "../../src/engine/points.ts";
import { storyTitle } from "../../src/engine/storyTitles.ts";

function titleOf(point: string): string {
  const engine = createExtractiveEngine(articlesFromRecords([{ id: "a", title: "Xx", text: point }]));
  return storyTitle(engine.index, { title: "Xx", members: [0], candidates: [] }, [
    { text: point, sources: ["a"] },
  ]);
}

describe("a story title from a point in wire copy", () => {
  it("is not cut inside a quotation the point closes", () => {
    const title = titleOf(
      "The angry islanders did not hesitate to chant ``Go home! Go home!'' at the visiting harbour minister when she rose to speak at the ferry hearing on Monday.",
    );
    expect(title).not.toMatch(/Go home$/);
    expect(title).toMatch(/Go home!''/);
  });

  it("heads with the sentence after a closing quotation, not across it", () => {
    const title = titleOf(
      "``We cannot win this fight alone.'' The ferry workers' union asked the harbour board for help on Monday, its chairman said.",
    );
    expect(title).toBe(
      "The ferry workers' union asked the harbour board for help on Monday, its chairman said",
    );
  });
});

describe("headlineFrom when the main text does not head", () => {
  it("prefers a later report to a later quotation", () => {
    const h = headlineFrom([
      "Signalling that it does not want to be drawn into any quarrel between the two harbour towns over the ferry, the island council is limiting its own sailings along the northern channel.",
      "``The island wants no fight with the mainland, but rather ways to share the ferry,'' the council's office quoted her Monday as saying.",
      "Port warden Jane Okoro also stressed the isle's neutral approach to the dispute between the boroughs.",
    ]);
    expect(h).toBe(
      "Port warden Jane Okoro also stressed the isle's neutral approach to the dispute between the boroughs",
    );
  });
});

describe("compactHeadline and a clause of contrast", () => {
  it("cuts it when nothing else shortens the sentence", () => {
    expect(
      compactHeadline(
        "The weeks leading up to the island regatta had become a long series of quiet and rainy disappointments, but the final race on Sunday made up for that lack of excitement.",
        20,
      ),
    ).toBe(
      "The weeks leading up to the island regatta had become a long series of quiet and rainy disappointments",
    );
  });
});

describe("a pronoun after an opening phrase", () => {
  it("is explained by a name in a clause of time ('The last time Okoro sailed, she …')", () => {
    expect(
      unexplainedOpener("The last time Jane Okoro sailed the strait, she set a record for the crossing.", 3),
    ).toBeNull();
    expect(
      unexplainedOpener("The last time they sailed from Port Vell, they set a record for the crossing.", 3),
    ).toBe("pronoun");
  });
});
